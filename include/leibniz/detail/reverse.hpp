#pragma once
// The reverse sweep, laid out at compile time. Over the graph's nodes (graph.hpp) and their
// forward values (evaluate.hpp), an adjoint array indexed like the nodes is seeded with 1 at
// the root; then each node, in reverse topological order, adds its adjoint times its local
// derivatives (read from the rule table) to its operands' adjoints. What takes part, which
// push assigns rather than adds, and which rational factors travel as exact scales instead of
// run-time multiplications is the sweep's plan (sweep_plan.hpp). The sweep is a braced list
// of forced-inline steps: straight-line code, no tape, no allocation.
//
// Compile time: a push reads its operands' slots, activity and factors from the plan's tables
// with indices the optimizer knows (they fold to constants), rather than instantiating a
// function per link: GCC spends most of a gradient's compile time on the number of functions.
#include <array>
#include <cstddef>
#include <utility>

// functions.hpp first: evaluate.hpp alone does not compile with Clang 14 (NOTES-core-bugs.md)
#include "../functions.hpp"
#include "../evaluate.hpp"
#include "../expression.hpp"
#include "../power.hpp"
#include "../rules.hpp"
#include "graph.hpp"
#include "sweep_plan.hpp"
#include "type_list.hpp"

namespace leibniz::detail {

/// The slot of node self's operand at position, and whether it is differentiated by.
template <class Sweep> [[gnu::always_inline]] constexpr std::size_t operand_slot(std::size_t self, std::size_t position) {
    return Sweep::links.operand[Sweep::links.begin[self] + position];
}
template <class Sweep> [[gnu::always_inline]] constexpr bool pushes_to(std::size_t self, std::size_t position) {
    return Sweep::active[operand_slot<Sweep>(self, position)];
}

/// Node self's push along its operand at position: the operand's stored adjoint receives
/// contribution (the stored adjoint of self times the local derivative, without the rational
/// factor the plan carries) times the plan's factor for the link, assigned when it is the
/// first, added otherwise. Every argument but contribution is a constant where this is inlined, so the
/// branches and the table reads fold away; a factor of 1 costs nothing, -1 a negation.
template <class Sweep, class T, std::size_t K>
[[gnu::always_inline]] constexpr void contribute(std::array<T, K>& adjoint, std::size_t self, std::size_t position,
                                                 T const& contribution) {
    std::size_t const operand = operand_slot<Sweep>(self, position);
    T const scaled = apply_multiplier(Sweep::plan.push_factor[Sweep::links.begin[self] + position], contribution);
    if (Sweep::plan.first_writer[operand] == self) adjoint[operand] = scaled;
    else adjoint[operand] += scaled;
}

// ---- one node's reverse step: adjoint[operand] += adjoint[node] * d node / d operand -------
// A push's parts are forced inline into the node's step; the steps themselves are forced
// inline into the caller when the call's sweeps are small (sweep_plan.hpp's
// forced_inline_pushes), so that the sweep is straight-line code with the adjoints in registers.

template <class Node> struct node_adjoint {  // leaves: nothing to pass on
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const&, std::array<T, K>&) {}
};

// d(t1 + t2 + ...)/dti = 1
template <class... Ts> struct node_adjoint<sum_of<Ts...>> {
    template <class Sweep, std::size_t Self, class T, std::size_t K, std::size_t... I>
    [[gnu::always_inline]] static constexpr void push_terms(std::array<T, K>& adjoint, std::index_sequence<I...>) {
        // braced lists, not loops (GCC does not unroll a long one: the adjoints would stay in
        // memory) and not folds (they nest, and Clang stops at 256)
        [[maybe_unused]] int in_order[] = {
            0, (pushes_to<Sweep>(Self, I) ? contribute<Sweep>(adjoint, Self, I, adjoint[Self]) : void(), 0)...};
    }
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const&, std::array<T, K>& adjoint) {
        push_terms<Sweep, Self>(adjoint, std::index_sequence_for<Ts...>{});
    }
};

// y = c u1 u2 ... um / (b1^n1 ... bk^nk), evaluated so (node_value reads the bases b directly);
// the rational c and the exponents -nj are the plan's (sweep_plan.hpp's local_factors):
//   dy/dui = c (the other u's) / (b1^n1 ... bk^nk), by prefix products (starting from
//            1 / (b1^n1 ... bk^nk)) and a suffix carried backwards, so that no factor is
//            divided out: exact when a factor is zero;
//   dy/dbj = -nj y / bj.
template <class... Fs> struct node_adjoint<product_of<Fs...>> {
    static constexpr std::size_t count = sizeof...(Fs);
    struct split {
        std::size_t numerators = 0, denominators = 0;
        std::size_t numerator[count]{}, denominator[count]{};  // positions among the factors
    };
    static constexpr split factors = [] {
        bool const in_denominator[] = {is_denominator<Fs>...};
        bool const coefficient[] = {is_constant<Fs>::value...};  // left to the plan's scales
        split s{};
        for (std::size_t f = 0; f < count; ++f) {
            if (in_denominator[f]) s.denominator[s.denominators++] = f;
            else if (!coefficient[f]) s.numerator[s.numerators++] = f;
        }
        return s;
    }();

    // 1 / (b1^n1 ... bk^nk), computed before the adjoint is known: off the sweep's critical path
    template <class Sweep, std::size_t Self, class T, std::size_t K, std::size_t... J>
    [[gnu::always_inline]] static constexpr T inverse_denominator(std::array<T, K> const& value, std::index_sequence<J...>) {
        constexpr auto reads = reads_of<product_of<Fs...>, typename Sweep::Nodes>::value;
        T denominator = T(1);
        [[maybe_unused]] int multiplied[] = {
            0, (denominator = denominator * denominator_value<at_t<factors.denominator[J], type_list<Fs...>>, T,
                                                              reads.slot[factors.denominator[J]],
                                                              reads.whole_power[factors.denominator[J]]>(value),
                0)...};
        return T(1) / denominator;
    }

    // dy/dbj = -nj y / bj (-nj is the plan's); y / bj does not depend on the adjoint, so the
    // Jacobian's sweeps share one division
    template <class Sweep, std::size_t Self, class T, std::size_t K, std::size_t... J>
    [[gnu::always_inline]] static constexpr void push_denominators(std::array<T, K> const& value, std::array<T, K>& adjoint,
                                                                std::index_sequence<J...>) {
        [[maybe_unused]] int in_order[] = {
            0, (pushes_to<Sweep>(Self, factors.denominator[J])
                    ? contribute<Sweep>(adjoint, Self, factors.denominator[J],
                                        adjoint[Self] * (value[Self] / value[operand_slot<Sweep>(Self, factors.denominator[J])]))
                    : void(),
                0)...};
    }
    // before[j] = running u1 ... u(j-1), running being 1 or 1 / denominator; after = adjoint
    // u(j+1) ... um, walking j down
    template <class Sweep, std::size_t Self, class T, std::size_t K, std::size_t... J>
    [[gnu::always_inline]] static constexpr void push_numerators(std::array<T, K> const& value, std::array<T, K>& adjoint,
                                                               T running, std::index_sequence<J...>) {
        constexpr std::size_t m = sizeof...(J);
        T before[m]{};
        [[maybe_unused]] int forwards[] = {
            0, (before[J] = running, running = running * value[operand_slot<Sweep>(Self, factors.numerator[J])], 0)...};
        T after = adjoint[Self];
        [[maybe_unused]] int backwards[] = {
            0, (pushes_to<Sweep>(Self, factors.numerator[m - 1 - J])
                    ? contribute<Sweep>(adjoint, Self, factors.numerator[m - 1 - J], before[m - 1 - J] * after)
                    : void(),
                after = after * value[operand_slot<Sweep>(Self, factors.numerator[m - 1 - J])], 0)...};
    }

    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        if constexpr (factors.denominators > 0)
            push_denominators<Sweep, Self>(value, adjoint, std::make_index_sequence<factors.denominators>{});
        if constexpr (factors.numerators > 0) {
            T first = T(1);
            if constexpr (factors.denominators > 0)
                first = inverse_denominator<Sweep, Self>(value, std::make_index_sequence<factors.denominators>{});
            push_numerators<Sweep, Self>(value, adjoint, first, std::make_index_sequence<factors.numerators>{});
        }
    }
};

// d(b^R)/db = R b^(R-1): R is the plan's to carry, the push multiplies by b^(R-1), written in
// y = b^R where that saves a root: sqrt'(b) = 1/(2y), cbrt'(b) = 1/(3y^2), (b^(-1/2))' = -y^3/2;
// the compiler may not merge a second sqrt with the forward one (it can set errno). Where y is
// 0 these give sqrt'(0) = +infinity, as rational_power<R - 1>(b) does.
template <rational R, class T> [[gnu::always_inline]] constexpr T power_below(T const& b, T const& y) {
    constexpr rational lowered = R - rational{1, 1};
    if constexpr (R.den > 1 && R.num == 1) return T(1) / natural_power<R.den - 1>(y);
    else if constexpr (R.den > 1 && R.num == -1) return natural_power<R.den + 1>(y);
    else return rational_power<lowered>(b);
}
template <class B, rational R> struct node_adjoint<power<B, constant<R>>> {
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        if constexpr (R == rational{1, 1}) contribute<Sweep>(adjoint, Self, 0, adjoint[Self]);
        else contribute<Sweep>(adjoint, Self, 0, adjoint[Self] * power_below<R>(value[operand_slot<Sweep>(Self, 0)], value[Self]));
    }
};

// b^b: d/db = b^b (log b + 1), the pow rule's two partials (b b^b / b and b^b log b) added
// as one, without the division: x^x's gradient costs what the textbook formula does
template <class B> struct node_adjoint<power<B, B>> {
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        T const d = static_cast<T>(rules::pow_fn::same_base_and_exponent_derivative(value[operand_slot<Sweep>(Self, 0)], value[Self]));
        contribute<Sweep>(adjoint, Self, 0, adjoint[Self] * d);
    }
};

// b^e with an expression exponent: the pow rule's partials (log b only when e is active)
template <class B, class E> struct node_adjoint<power<B, E>> {
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        T const& b = value[operand_slot<Sweep>(Self, 0)];
        T const& e = value[operand_slot<Sweep>(Self, 1)];
        if (!pushes_to<Sweep>(Self, 1)) {
            contribute<Sweep>(adjoint, Self, 0,
                              adjoint[Self] * static_cast<T>(rules::pow_fn::base_partial_given_value(b, e, value[Self])));
        } else {
            auto const [d_base, d_exponent] = rules::pow_fn::partials(b, e, value[Self]);
            if (pushes_to<Sweep>(Self, 0)) contribute<Sweep>(adjoint, Self, 0, adjoint[Self] * static_cast<T>(d_base));
            contribute<Sweep>(adjoint, Self, 1, adjoint[Self] * static_cast<T>(d_exponent));
        }
    }
};

// f(a): f'(a), read from the graph when it is there (sweep_plan.hpp's derivative_in_graph: its
// coefficient is the plan's), else the rule's derivative given a and the value y = f(a)
template <class Rule, class A> struct node_adjoint<call<Rule, A>> {
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        using in_graph = derivative_in_graph<Rule, A, typename Sweep::Nodes>;
        if constexpr (in_graph::found) contribute<Sweep>(adjoint, Self, 0, adjoint[Self] * value[in_graph::slot]);
        else
            contribute<Sweep>(adjoint, Self, 0,
                              adjoint[Self] * static_cast<T>(Rule::derivative(value[operand_slot<Sweep>(Self, 0)], value[Self])));
    }
};

// f(a, b): the rule's partials
template <class Rule, class A, class B> struct node_adjoint<call<Rule, A, B>> {
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        auto const [d_a, d_b] =
            Rule::partials(value[operand_slot<Sweep>(Self, 0)], value[operand_slot<Sweep>(Self, 1)], value[Self]);
        if (pushes_to<Sweep>(Self, 0)) contribute<Sweep>(adjoint, Self, 0, adjoint[Self] * static_cast<T>(d_a));
        if (pushes_to<Sweep>(Self, 1)) contribute<Sweep>(adjoint, Self, 1, adjoint[Self] * static_cast<T>(d_b));
    }
};

// A node's push where the sweep visits it: forced inline for a small sweep, an ordinary
// function for a large one (sweep_plan.hpp's forced_inline_pushes).
template <class Nodes, class Wrt, std::size_t Root, std::size_t Self, class T, std::size_t K>
[[gnu::always_inline]] constexpr void forced_step(std::array<T, K> const& value, std::array<T, K>& adjoint) {
    node_adjoint<at_t<Self, Nodes>>::template push<sweep<Nodes, Wrt, Root>, Self>(value, adjoint);
}
template <class Nodes, class Wrt, std::size_t Root, std::size_t Self, class T, std::size_t K>
constexpr void free_step(std::array<T, K> const& value, std::array<T, K>& adjoint) {
    node_adjoint<at_t<Self, Nodes>>::template push<sweep<Nodes, Wrt, Root>, Self>(value, adjoint);
}
template <class Nodes, class Wrt, std::size_t Root, bool Forced, std::size_t Self, class T, std::size_t K>
[[gnu::always_inline]] constexpr void reverse_step(std::array<T, K> const& value, std::array<T, K>& adjoint) {
    if constexpr (!swept<Nodes, Wrt, Root>[Self]) return;
    else if constexpr (Forced) forced_step<Nodes, Wrt, Root, Self>(value, adjoint);
    else free_step<Nodes, Wrt, Root, Self>(value, adjoint);
}

template <class Nodes, class Wrt, std::size_t Root, bool Forced, class T, std::size_t K, std::size_t... I>
[[gnu::always_inline]] constexpr void sweep_nodes(std::array<T, K> const& value, std::array<T, K>& adjoint,
                                                  std::index_sequence<I...>) {
    // The nodes in reverse topological order, as a braced list (it runs in order and, unlike a
    // fold, does not nest: Clang limits nesting to 256).
    [[maybe_unused]] int in_order[] = {0, (reverse_step<Nodes, Wrt, Root, Forced, Root - I>(value, adjoint), 0)...};
}

/// The stored adjoints: d root / d node divided by the plan's scale of the node.
template <class Nodes, class Wrt, std::size_t Root, bool Forced, class T, std::size_t K>
[[gnu::always_inline]] constexpr std::array<T, K> stored_adjoints(std::array<T, K> const& value) {
    std::array<T, K> adjoint{};  // the zeros of slots assigned first are dead stores, removed
    adjoint[Root] = T(1);
    sweep_nodes<Nodes, Wrt, Root, Forced>(value, adjoint, std::make_index_sequence<Root + 1>{});
    return adjoint;
}

/// d root / d node for the node at slot, from the stored adjoints (0 for slot K: a variable the
/// graph does not contain).
template <class Nodes, class Wrt, std::size_t Root, class T, std::size_t K>
[[gnu::always_inline]] constexpr T adjoint_at(std::array<T, K> const& stored, std::size_t slot) {
    if (slot >= K) return T(0);
    return apply_multiplier(sweep<Nodes, Wrt, Root>::plan.scale_factor[slot], stored[slot]);
}

/// The adjoint of every node, d root / d node (to_dot's labels; gradients read only the
/// variables' adjoints, by gradient_at).
template <class Nodes, class Wrt, std::size_t Root, class T, std::size_t K>
constexpr std::array<T, K> adjoints(std::array<T, K> const& value) {
    std::array<T, K> const stored = stored_adjoints<Nodes, Wrt, Root, false>(value);
    std::array<T, K> adjoint{};
    for (std::size_t i = 0; i < K; ++i) adjoint[i] = adjoint_at<Nodes, Wrt, Root>(stored, i);
    return adjoint;
}

template <class Nodes, class Wrt, std::size_t Root, class T, std::size_t K, std::size_t... W>
[[gnu::always_inline]] constexpr std::array<T, Wrt::size> gather(std::array<T, K> const& stored, std::index_sequence<W...>) {
    return std::array<T, Wrt::size>{adjoint_at<Nodes, Wrt, Root>(stored, activity<Nodes, Wrt>::wrt_slot[W])...};
}

/// d root / d w for each variable w of Wrt (0 for a variable the root does not use); Forced
/// says whether the caller's sweeps are few enough to force inline.
template <class Nodes, class Wrt, std::size_t Root, bool Forced, class T, std::size_t K>
[[gnu::always_inline]] constexpr std::array<T, Wrt::size> gradient_at(std::array<T, K> const& value) {
    return gather<Nodes, Wrt, Root>(stored_adjoints<Nodes, Wrt, Root, Forced>(value), std::make_index_sequence<Wrt::size>{});
}

}  // namespace leibniz::detail
