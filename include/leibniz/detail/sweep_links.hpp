#pragma once
// The graph as a sweep reads it: each node's operand slots with the rational factor of the
// local derivative along each link (graph_links), which nodes depend on the variables
// differentiated by (activity), and which nodes a sweep from some roots visits (swept, and
// lanes_reaching for the rows of a joint sweep). The plan of the sweep itself, its scales and
// first writers, is sweep_plan.hpp.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "../expression.hpp"
#include "../functions.hpp"
#include "../rational.hpp"
#include "../rules.hpp"
#include "graph.hpp"
#include "rule_identity.hpp"
#include "type_list.hpp"

namespace leibniz::detail {

// ---- the graph as a table of operand slots ----------------------------------------------

// Facts about one node within a graph derive from constant_value (type_list.hpp says why);
// its operands' slots are graph.hpp's reads_of.

/// f'(a) for the node f(a) read from the graph when it is already there: the forward sweep of
/// sin(t) and cos(t) has computed cos(t) and sin(t), so the sweep multiplies by the value it
/// has instead of calling cos and sin again (the compiler may not merge the calls: they can set
/// errno). Which rules have such a derivative is read off the derivative itself, not stated a
/// second time: a library rule whose derivative, taken once symbolically at a placeholder
/// argument, is a rational times a rule called at that argument (sin' = cos, cos' = -sin,
/// sinh' = cosh, exp' = exp, expm1' = exp, softplus' = sigmoid, relu' = heaviside,
/// abs' = sign, lgamma' = digamma); found when that call is a node of the graph.
/// Whether a rule's local derivative can be infinite or NaN where its argument is finite
/// (log'(0)): the rule says so, and the sweep guards the product with the adjoint (reverse.hpp's
/// times_local).
template <class Rule> inline constexpr bool derivative_can_be_infinite = false;
template <class Rule>
requires(Rule::derivative_can_be_infinite) inline constexpr bool derivative_can_be_infinite<Rule> = true;

template <bool Found, rational Coefficient, std::size_t Slot> struct derivative_found {
    static constexpr bool found = Found;
    static constexpr rational coefficient = Coefficient;
    static constexpr std::size_t slot = Slot;
};
using derivative_placeholder = var<"derivative placeholder">;
template <class D> struct as_rule_call { static constexpr bool is_call = false; };
template <class Rule> struct as_rule_call<call<Rule, derivative_placeholder>> {
    static constexpr bool is_call = true;
    using rule = Rule;
    static constexpr rational coefficient{1, 1};
};
template <rational C, class Rule> struct as_rule_call<product_of<constant<C>, call<Rule, derivative_placeholder>>> {
    static constexpr bool is_call = true;
    using rule = Rule;
    static constexpr rational coefficient = C;
};
// only the library's one-argument rules, whose derivative() takes expressions (a user's may take
// only numbers), and not where a zero adjoint must guard the product (times_local, reverse.hpp)
template <class Rule>
concept derivative_may_be_a_rule = is_library_rule<Rule>() && !derivative_can_be_infinite<Rule> && requires {
    Rule::derivative(derivative_placeholder{}, call<Rule, derivative_placeholder>{});
};
template <class Rule> struct derivative_as_rule : as_rule_call<void> {};
template <derivative_may_be_a_rule Rule> struct derivative_as_rule<Rule>
    : as_rule_call<decltype(Rule::derivative(derivative_placeholder{}, call<Rule, derivative_placeholder>{}))> {};

template <class Rule, class A, class Nodes> struct derivative_in_graph
    : derivative_found<false, rational{1, 1}, Nodes::size> {};
template <class Rule, class A, class Nodes>
requires derivative_as_rule<Rule>::is_call struct derivative_in_graph<Rule, A, Nodes>
    : derivative_found <
      slot_if_present<call<typename derivative_as_rule<Rule>::rule, A>,
                      Nodes>::value<Nodes::size, derivative_as_rule<Rule>::coefficient,
                                    slot_if_present<call<typename derivative_as_rule<Rule>::rule, A>, Nodes>::value> {
};

// The rational factor of d node / d operand, for each operand in operands<Node>'s order: what
// a push leaves to the scales. 1 for sums, two-argument calls and powers with an expression
// exponent.
template <std::size_t K> constexpr std::array<rational, K> unit_factors() {
    std::array<rational, K> factor{};
    for (rational& f : factor) f = {1, 1};
    return factor;
}
template <class Node, class Nodes> struct local_factors : constant_value<unit_factors<operands<Node>::type::size>()> {};
// d(b^R)/db = R b^(R-1)
template <class B, rational R, class Nodes> struct local_factors<power<B, constant<R>>, Nodes>
    : constant_value<std::array<rational, 1>{R}> {};
// f(a): the coefficient of f' when f' is read from the graph (cos' = -1 * sin)
template <class Rule, class A, class Nodes> struct local_factors<call<Rule, A>, Nodes>
    : constant_value<std::array<rational, 1>{derivative_in_graph<Rule, A, Nodes>::found
                                                 ? derivative_in_graph<Rule, A, Nodes>::coefficient
                                                 : rational{1, 1}}> {};
// c u1 ... um / (D1 ... Dk), Dj = bj^nj: d/dui = c (the other u's) / (...), d/dDj = -y / Dj;
// these do not depend on the rest of the graph
template <class F> inline constexpr rational coefficient_of_factor{1, 1};
template <rational C> inline constexpr rational coefficient_of_factor<constant<C>> = C;
template <class... Fs> constexpr rational product_coefficient() {
    rational const factors[] = {coefficient_of_factor<Fs>...};
    rational c{1, 1};
    for (rational f : factors) c = c * f;
    return c;
}
template <class F> constexpr rational factor_partial(rational coefficient) {
    if constexpr (is_constant<F>::value) return {1, 1};  // never differentiated by
    else if constexpr (is_denominator<F>) return {-1, 1};
    else return coefficient;
}
template <class... Fs, class Nodes> struct local_factors<product_of<Fs...>, Nodes>
    : constant_value<std::array<rational, sizeof...(Fs)>{factor_partial<Fs>(product_coefficient<Fs...>())...}> {};

template <std::size_t Size, std::size_t Links> struct link_table {
    std::size_t begin[Size + 1]{};  // node i reads operand[begin[i]] ... operand[begin[i + 1] - 1]
    std::size_t operand[Links + 1]{};
    rational factor[Links + 1]{};  // the local derivative's rational factor along each link
};

template <std::size_t Links, std::size_t Size, std::size_t N>
constexpr void append_links(link_table<Size, Links>& table, std::size_t& at, std::size_t const* slots,
                            std::array<rational, N> const& factors) {
    for (std::size_t k = 0; k < N; ++k) {
        table.operand[at] = slots[k];
        table.factor[at++] = factors[k];
    }
}

/// For each node of Nodes, the slots of the operands its evaluation reads.
template <class Nodes, class List = typename Nodes::list> struct graph_links;
/// A graph's counts, in a base named after them: a static member of graph_links (or of sweep,
/// sweep_plan.hpp) is a symbol named after the whole graph, which GCC mangles (combine.hpp).
template <std::size_t Size, std::size_t Links> struct link_counts {
    static constexpr std::size_t size = Size;
    static constexpr std::size_t links = Links;
};
template <class... Ns> using link_counts_of = link_counts<sizeof...(Ns), total_length({operands<Ns>::type::size...})>;
template <class Nodes, class... Ns> struct graph_links<Nodes, type_list<Ns...>> : link_counts_of<Ns...> {
    using counts = link_counts_of<Ns...>;
    using counts::links;
    using counts::size;
    static constexpr link_table<size, links> value = []() consteval {
        link_table<size, links> table{};
        std::size_t at = 0, node = 0;
        [[maybe_unused]] int in_order[] = {
            0, (table.begin[node++] = at,
                append_links(table, at, reads_of<Ns, Nodes>::value.operand, local_factors<Ns, Nodes>::value), 0)...};
        table.begin[size] = at;
        return table;
    }
    ();
};

/// Which nodes depend on a variable of Wrt (the only ones with a non-zero derivative), and
/// where each variable of Wrt sits among the nodes (Nodes::size when f does not use it).
template <class Nodes, class Wrt> struct activity;
template <class Nodes, class... Ws> struct activity<Nodes, type_list<Ws...>> {
    // one trie lookup per variable (graph.hpp), not a search of the nodes
    static constexpr std::array<std::size_t, sizeof...(Ws)> wrt_slot{slot_if_present<Ws, Nodes>::value...};
    static constexpr std::array<bool, Nodes::size> active = []() consteval {
        std::array<bool, Nodes::size> is_active{};
        for (std::size_t w : wrt_slot)
            if (w < Nodes::size) is_active[w] = true;
        auto const& table = graph_links<Nodes>::value;
        for (std::size_t i = 0; i < Nodes::size; ++i)
            for (std::size_t p = table.begin[i]; p < table.begin[i + 1]; ++p)
                if (is_active[table.operand[p]]) is_active[i] = true;
        return is_active;
    }
    ();
};

/// The largest of the roots: where a sweep from them starts.
template <std::size_t... Roots> inline constexpr std::size_t top_root = []() consteval {
    std::size_t const roots[] = {Roots...};
    std::size_t top = 0;
    for (std::size_t r : roots) top = r > top ? r : top;
    return top;
}
();

// The sweep's facts below are computed by functions of the graph's tables, not by lambdas in
// variable templates: each lambda is three symbols named after the whole graph (its call
// operator, its conversion to a function pointer and that function), and GCC mangles every
// symbol (combine.hpp says what it costs). The arrays stay variable templates: as
// constant_value<std::array<bool, N>{...}> classes, GCC 12 gave a Jacobian's first row zeros. It
// compares a computed class-type template argument without the positions of the elements written
// after value-initialization: with one_at(r) = an array of false with a[r] = true,
// constant_value<one_at(2)> is constant_value<one_at(3)> (tests/static/graph.cpp checks the one
// computed constant_value there is, combine.hpp's number_offsets).

template <std::size_t N, std::size_t L, std::size_t R>
constexpr std::array<bool, N> swept_from(std::array<bool, N> const& active, link_table<N, L> const& table,
                                         std::array<std::size_t, R> const& roots) {
    std::array<bool, N> visit{};
    std::size_t top = 0;
    for (std::size_t r : roots) {
        visit[r] = active[r];
        top = r > top ? r : top;
    }
    for (std::size_t i = top + 1; i-- > 0;)
        if (visit[i])
            for (std::size_t p = table.begin[i]; p < table.begin[i + 1]; ++p)
                if (active[table.operand[p]]) visit[table.operand[p]] = true;
    return visit;
}
/// The nodes the sweep from Roots visits: active ones that a root depends on. One root for a
/// gradient; several for a joint sweep of some rows of a Jacobian (reverse.hpp's adjoint lanes),
/// which visits their union.
template <class Nodes, class Wrt, std::size_t... Roots>
inline constexpr std::array<bool, Nodes::size> swept = swept_from(activity<Nodes, Wrt>::active,
                                                                  graph_links<Nodes>::value,
                                                                  std::array<std::size_t, sizeof...(Roots)>{Roots...});

template <std::size_t N, std::size_t R>
constexpr std::array<unsigned, N> lanes_from(std::array<bool const*, R> const& visits) {
    std::array<unsigned, N> bits{};
    for (std::size_t l = 0; l < R; ++l)
        for (std::size_t i = 0; i < N; ++i) bits[i] |= unsigned{visits[l][i]} << l;
    return bits;
}
/// Bit l of lanes_reaching<...>[i]: the sweep from the l-th of Roots alone visits node i.
template <class Nodes, class Wrt, std::size_t... Roots>
inline constexpr std::array<unsigned, Nodes::size> lanes_reaching =
    lanes_from<Nodes::size, sizeof...(Roots)>({swept<Nodes, Wrt, Roots>.data()...});

template <std::size_t N> constexpr bool share_most(std::array<unsigned, N> const& lanes, std::size_t rows) {
    unsigned const all = (1u << rows) - 1;
    std::size_t shared = 0, visited = 0;
    for (unsigned bits : lanes) {
        shared += bits == all;
        visited += bits != 0;
    }
    return 2 * shared >= visited;
}
/// Whether one sweep of the rows of Roots, their adjoints in a vector (reverse.hpp's joint
/// sweeps), costs less than a sweep per row: when at least half the nodes it visits are visited
/// by every row. Rows that share little (the banded rows of Rosenbrock's Hessian) would each pay
/// for the others' nodes: swept together, Rosenbrock-16's Hessian took 46.6 ns instead of 34.9.
/// (A class: a scalar needs no variable.)
template <class Nodes, class Wrt, std::size_t... Roots> struct rows_share_their_sweep
    : std::bool_constant<share_most(lanes_reaching<Nodes, Wrt, Roots...>, sizeof...(Roots))> {};

/// How many nodes the sweep from Roots visits: the pushes it generates.
template <class Nodes, class Wrt, std::size_t... Roots> struct swept_count
    : std::integral_constant<std::size_t, count_true(swept<Nodes, Wrt, Roots...>)> {};

}  // namespace leibniz::detail
