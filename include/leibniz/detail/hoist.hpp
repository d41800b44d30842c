#pragma once
// What sum_over(data, f, theta = p, x = each_record) computes once and what it computes per
// record (sum_over.hpp). A kernel f(theta; x) is split into the largest subexpressions that
// mention no variable bound per record, h_j(theta), and the rest, F(theta, h; x), an ordinary
// expression in which each h_j is a variable of the family "sum_over:hoisted":
//     f(theta; x) = F(theta, h(theta); x).
// Then the sum over the records of f's gradient by theta is, by the chain rule,
//     sum_i df_i/dtheta = sum_i dF_i/dtheta + sum_j c_j dh_j/dtheta,   c_j = sum_i dF_i/dh_j,
// and the last term is the gradient of the cotangent expression sum_j c_j h_j(theta) with c
// bound to the summed adjoints (the family "sum_over:cotangent"). So h is evaluated once, F is
// swept once per record, and the parameter-only part once at the end, as the hand-written
// gradient of a loss over data does (exp(q) of a Gaussian mixture's precision once, not once per
// point). Both expressions are built through the canonical form (make_sum, make_product, ...),
// so they are expressions like any other, evaluated and swept by the same engine.
//
// Which nodes are the h_j is read off the kernel's graph: the nodes that depend on no per-record
// variable (sweep_links.hpp's activity, with the per-record variables for Wrt), are not leaves
// (a variable costs nothing to read), are not conditions (a condition is not a number) and are
// not below an arm of a select, and are operands of a node that stays, or the root. Below an arm
// a node pushes its adjoint only where it is not 0 (reverse.hpp's below_select: log(a) in the
// untaken arm at a = 0 must pass on 0, not 0 * inf); hoisted, the cotangent expression would
// hold it outside any select, so it stays in F, swept as it was.
#include <array>
#include <cstddef>
#include <type_traits>

#include "../expression.hpp"
#include "canonical.hpp"
#include "canonical_branches.hpp"
#include "graph.hpp"
#include "reverse.hpp"
#include "sweep_links.hpp"
#include "type_list.hpp"

namespace leibniz::detail {

inline constexpr fixed_string hoisted_family = "sum_over:hoisted";
inline constexpr fixed_string cotangent_family = "sum_over:cotangent";

template <class T> inline constexpr bool is_hoistable =
    children<T>::type::size > 0 && !std::is_base_of_v<condition_tag, T>;
// -mu, 2 x: a negation or scaling of a leaf costs its user nothing (x - mu is one subtraction),
// while a hoisted variable costs one more adjoint to add up per record
template <rational R, class L>
requires(children<L>::type::size == 0) inline constexpr bool is_hoistable<product_of<constant<R>, L>> = false;

/// For each node of the graph, its index among the hoisted subexpressions, or the graph's size
/// when it stays in F; and the slots of the hoisted ones, in order.
template <class Nodes, class Data, class List = typename Nodes::list> struct hoist_plan;
template <class Nodes, class Data, class... Ns> struct hoist_plan<Nodes, Data, type_list<Ns...>> {
    using nodes = Nodes;
    static constexpr std::size_t size = sizeof...(Ns);
    static constexpr std::array<std::size_t, size> rank = []() consteval {
        bool const hoistable[] = {is_hoistable<Ns>...};
        auto const& per_record = activity<Nodes, Data>::active;
        auto const& below_an_arm = below_select<Nodes>::value;
        auto const& table = graph_links<Nodes>::value;
        std::array<bool, size> reached{};
        std::array<std::size_t, size> index{};
        for (auto& i : index) i = size;  // written in full (type_list.hpp's constant_value: GCC 12)
        reached[size - 1] = true;
        for (std::size_t i = size; i-- > 0;) {  // users before operands: whether i is reached is known
            if (!reached[i]) continue;
            if (hoistable[i] && !per_record[i] && !below_an_arm[i]) index[i] = 0;  // hoisted: F reads it as a variable
            else
                for (std::size_t p = table.begin[i]; p < table.begin[i + 1]; ++p) reached[table.operand[p]] = true;
        }
        std::size_t next = 0;
        for (std::size_t i = 0; i < size; ++i)
            if (index[i] != size) index[i] = next++;
        return index;
    }
    ();
    static constexpr std::size_t count = []() consteval {
        std::size_t hoisted = 0;
        for (std::size_t i : rank) hoisted += i != size;
        return hoisted;
    }
    ();
    static constexpr std::array<std::size_t, count> slot = []() consteval {
        std::array<std::size_t, count> slots{};
        for (std::size_t i = 0; i < size; ++i)
            if (rank[i] != size) slots[rank[i]] = i;
        return slots;
    }
    ();
};

// ---- F: the kernel with each hoisted subexpression replaced by its variable ----------------
template <class T, class Plan> struct hoisted_form;
template <class T, class Plan> using hoisted_form_t = typename hoisted_form<T, Plan>::type;

template <std::size_t Rank> using hoisted_variable = var<hoisted_family, static_cast<int>(Rank)>;

template <class T, class Plan> struct rebuilt;  // T's kind made again from its operands' forms
template <class... Ts, class P> struct rebuilt<sum_of<Ts...>, P> { using type = make_sum<hoisted_form_t<Ts, P>...>; };
template <class B, class E, class P> struct rebuilt<power<B, E>, P> {
    using type = make_power<hoisted_form_t<B, P>, hoisted_form_t<E, P>>;
};
template <class Rule, class... As, class P> struct rebuilt<call<Rule, As...>, P> {
    using type = make_call<Rule, hoisted_form_t<As, P>...>;
};
template <class A, class B, class P> struct rebuilt<less_than<A, B>, P>
    : make_less_t<hoisted_form_t<A, P>, hoisted_form_t<B, P>> {};
template <class A, class B, class P> struct rebuilt<less_or_equal<A, B>, P>
    : make_less_equal_t<hoisted_form_t<A, P>, hoisted_form_t<B, P>> {};
template <class C, class P> struct rebuilt<not_of<C>, P> : make_not_t<hoisted_form_t<C, P>> {};
template <class... Cs, class P> struct rebuilt<and_of<Cs...>, P> : make_and_t<hoisted_form_t<Cs, P>...> {};
template <class... Cs, class P> struct rebuilt<or_of<Cs...>, P> : make_or_t<hoisted_form_t<Cs, P>...> {};
template <class C, class A, class B, class P> struct rebuilt<select_of<C, A, B>, P> {
    using type = make_select<hoisted_form_t<C, P>, hoisted_form_t<A, P>, hoisted_form_t<B, P>>;
};

// A product's denominator b^-n is not a node: the graph holds b^n (graph.hpp's operands), so
// that is what is hoisted, and the factor becomes its variable's reciprocal.
template <class F, class P> struct hoisted_factor : hoisted_form<F, P> {};
template <class B, rational R, class P>
requires(R.num < 0) struct hoisted_factor<power<B, constant<R>>, P> {
    static constexpr std::size_t rank =
        P::rank[slot_of<typename operand_of_factor<power<B, constant<R>>>::type, typename P::nodes>::value];
    using type = std::conditional_t<rank != P::size, make_power<hoisted_variable<rank>, minus_one>,
                                    make_power<hoisted_form_t<B, P>, constant<R>>>;
};
template <class... Fs, class P> struct rebuilt<product_of<Fs...>, P> {
    using type = make_product<typename hoisted_factor<Fs, P>::type...>;
};

template <class T, class P, std::size_t Rank> struct hoisted_or_rebuilt : rebuilt<T, P> {};
template <class T, class P, std::size_t Rank>
requires(Rank != P::size) struct hoisted_or_rebuilt<T, P, Rank> {
    using type = hoisted_variable<Rank>;
};
template <class T, class P> struct hoisted_form { using type = T; };  // a leaf
template <class T, class P>
requires(children<T>::type::size > 0) struct hoisted_form<T, P>
    : hoisted_or_rebuilt<T, P, P::rank[slot_of<T, typename P::nodes>::value]> {
};

/// F: Tree with its hoisted subexpressions replaced by their variables (Tree when none is).
template <class Tree, class Plan, bool Hoists = (Plan::count > 0)> struct data_tree_of { using type = Tree; };
template <class Tree, class Plan> struct data_tree_of<Tree, Plan, true> : hoisted_form<Tree, Plan> {};

/// The hoisted subexpressions h_j in order, and the cotangent expression sum_j c_j h_j.
template <class Plan, class J = std::make_index_sequence<Plan::count>> struct hoisted_parts;
template <class Plan, std::size_t... J> struct hoisted_parts<Plan, std::index_sequence<J...>> {
    using trees = type_list<node_at<Plan::slot[J], typename Plan::nodes>...>;
    using cotangent_tree = make_sum<
        make_product<var<cotangent_family, static_cast<int>(J)>, node_at<Plan::slot[J], typename Plan::nodes>>...>;
};

}  // namespace leibniz::detail
