#pragma once
// The reverse sweep, laid out at compile time. Over the graph's nodes (graph.hpp) and their
// forward values (evaluate.hpp), an adjoint array indexed like the nodes is seeded with 1 at
// the root; then each node, in reverse topological order, adds its adjoint times its local
// derivatives (read from the rule table) to its operands' adjoints. What takes part, which
// push assigns rather than adds, and which rational factors travel as exact scales instead of
// run-time multiplications is the sweep's plan (sweep_plan.hpp). The sweep is a braced list
// of forced-inline steps: straight-line code, no tape, no allocation.
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

/// x * ratio * at_run_time, as few operations as the factors allow (none for 1, a negation for -1).
template <rational Ratio, rational AtRunTime, class T> [[gnu::always_inline]] constexpr T times(T const& x) {
    constexpr rational one{1, 1};
    if constexpr (Ratio == one && AtRunTime == one) return x;
    else if constexpr (Ratio == -one && AtRunTime == one) return -x;
    else {
        constexpr T factor = Ratio.template as<T>() * AtRunTime.template as<T>();
        return x * factor;
    }
}

/// Node Self's push along its operand at Position: the operand's stored adjoint receives
/// contribution (the stored adjoint of Self times the local derivative, without the rational
/// factor the plan carries), assigned when it is the first, added otherwise.
template <class Sweep, std::size_t Self, std::size_t Position, class T, std::size_t K>
[[gnu::always_inline]] constexpr void contribute(std::array<T, K>& adjoint, T const& contribution) {
    constexpr std::size_t operand = Sweep::template operand<Self, Position>;
    T const scaled = times<Sweep::template ratio<Self, Position>, Sweep::template at_run_time<Self, Position>>(contribution);
    if constexpr (Sweep::template assigns<Self, Position>) adjoint[operand] = scaled;
    else adjoint[operand] += scaled;
}

// ---- one node's reverse step: adjoint[operand] += adjoint[node] * d node / d operand -------
// Every step is forced inline, like evaluation (evaluate.hpp): the sweep must become the
// caller's straight-line code with the adjoints in registers. Left to its heuristics GCC 12
// stopped inlining the sweep of a product of 16 variables, and every adjoint went through memory.

template <class Node> struct node_adjoint {  // leaves: nothing to pass on
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const&, std::array<T, K>&) {}
};

template <class Sweep, class Operand> inline constexpr bool pushes_to = is_active<Operand, typename Sweep::Nodes, typename Sweep::Wrt>;
template <class Sweep, class Operand> inline constexpr std::size_t slot_in = slot_of<Operand, typename Sweep::Nodes>;

// d(t1 + t2 + ...)/dti = 1
template <class... Ts> struct node_adjoint<sum_of<Ts...>> {
    template <class Sweep, std::size_t Self, std::size_t I, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push_term(std::array<T, K>& adjoint) {
        if constexpr (pushes_to<Sweep, at_t<I, type_list<Ts...>>>) contribute<Sweep, Self, I>(adjoint, adjoint[Self]);
    }
    template <class Sweep, std::size_t Self, class T, std::size_t K, std::size_t... I>
    [[gnu::always_inline]] static constexpr void push_terms(std::array<T, K>& adjoint, std::index_sequence<I...>) {
        [[maybe_unused]] int in_order[] = {0, (push_term<Sweep, Self, I>(adjoint), 0)...};
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

    template <class Nodes> static constexpr std::array<std::size_t, count> slot{
        slot_of<typename operand_of_factor<Fs>::type, Nodes>...};
    template <class Sweep, std::size_t Factor> static constexpr std::size_t slot_of_factor = slot<typename Sweep::Nodes>[Factor];
    template <class Sweep, std::size_t Factor>
    static constexpr bool factor_active = activity<typename Sweep::Nodes, typename Sweep::Wrt>::active[slot_of_factor<Sweep, Factor>];

    // dy/dbj = -nj y / bj, for the j-th denominator factor (-nj is the plan's). y / bj does not
    // depend on the adjoint: the Jacobian's sweeps share one division.
    template <class Sweep, std::size_t Self, std::size_t J, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push_denominator(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        constexpr std::size_t f = factors.denominator[J];
        if constexpr (factor_active<Sweep, f>)
            contribute<Sweep, Self, f>(adjoint, adjoint[Self] * (value[Self] / value[slot_of_factor<Sweep, f>]));
    }
    // 1 / (b1^n1 ... bk^nk), computed before the adjoint is known: off the sweep's critical path
    template <class Sweep, class T, std::size_t K, std::size_t... J>
    [[gnu::always_inline]] static constexpr T inverse_denominator(std::array<T, K> const& value, std::index_sequence<J...>) {
        T denominator = T(1);
        [[maybe_unused]] int multiplied[] = {
            0, (denominator = denominator * denominator_value<typename Sweep::Nodes, at_t<factors.denominator[J], type_list<Fs...>>, T>(value),
                0)...};
        return T(1) / denominator;
    }

    // the j-th numerator factor, walking j down: its partial is before[j] * after
    template <class Sweep, std::size_t Self, std::size_t J, class T, std::size_t K, std::size_t M>
    [[gnu::always_inline]] static constexpr void push_numerator(std::array<T, K> const& value, std::array<T, K>& adjoint,
                                                              std::array<T, M> const& before, T& after) {
        constexpr std::size_t f = factors.numerator[J];
        if constexpr (factor_active<Sweep, f>) contribute<Sweep, Self, f>(adjoint, before[J] * after);
        if constexpr (J > 0) after = after * value[slot_of_factor<Sweep, f>];
    }
    // before[j] = first * u1 ... u(j-1): first is 1, or 1 / denominator
    template <class Sweep, std::size_t Self, class T, std::size_t K, std::size_t... J>
    [[gnu::always_inline]] static constexpr void push_numerators(std::array<T, K> const& value, std::array<T, K>& adjoint,
                                                               T const& first, std::index_sequence<J...>) {
        constexpr std::size_t m = sizeof...(J);
        std::array<T, m> before{};
        T running = first;
        // braced lists, not folds: they run in order and do not nest (Clang stops at 256)
        [[maybe_unused]] int forwards[] = {
            0, (before[J] = running, running = running * value[slot_of_factor<Sweep, factors.numerator[J]>], 0)...};
        T after = adjoint[Self];  // adjoint * u(j+1) ... um, walking j down
        [[maybe_unused]] int backwards[] = {0, (push_numerator<Sweep, Self, m - 1 - J>(value, adjoint, before, after), 0)...};
    }

    template <class Sweep, std::size_t Self, class T, std::size_t K, std::size_t... J>
    [[gnu::always_inline]] static constexpr void push_denominators(std::array<T, K> const& value, std::array<T, K>& adjoint,
                                                                std::index_sequence<J...>) {
        [[maybe_unused]] int pushed[] = {0, (push_denominator<Sweep, Self, J>(value, adjoint), 0)...};
    }

    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        if constexpr (factors.denominators > 0)
            push_denominators<Sweep, Self>(value, adjoint, std::make_index_sequence<factors.denominators>{});
        if constexpr (factors.numerators > 0) {
            T first = T(1);
            if constexpr (factors.denominators > 0)
                first = inverse_denominator<Sweep>(value, std::make_index_sequence<factors.denominators>{});
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
        if constexpr (R == rational{1, 1}) contribute<Sweep, Self, 0>(adjoint, adjoint[Self]);
        else contribute<Sweep, Self, 0>(adjoint, adjoint[Self] * power_below<R>(value[slot_in<Sweep, B>], value[Self]));
    }
};

// b^b: d/db = b^b (log b + 1), the pow rule's two partials (b b^b / b and b^b log b) added
// as one, without the division: x^x's gradient costs what the textbook formula does
template <class B> struct node_adjoint<power<B, B>> {
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        contribute<Sweep, Self, 0>(adjoint, adjoint[Self] * static_cast<T>(rules::pow_fn::same_base_and_exponent_derivative(
                                                value[slot_in<Sweep, B>], value[Self])));
    }
};

// b^e with an expression exponent: the pow rule's partials (log b only when e is active)
template <class B, class E> struct node_adjoint<power<B, E>> {
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        constexpr std::size_t b = slot_in<Sweep, B>, e = slot_in<Sweep, E>;
        if constexpr (!pushes_to<Sweep, E>) {
            contribute<Sweep, Self, 0>(adjoint, adjoint[Self] * static_cast<T>(rules::pow_fn::base_partial_given_value(
                                                                   value[b], value[e], value[Self])));
        } else {
            auto const [d_base, d_exponent] = rules::pow_fn::partials(value[b], value[e], value[Self]);
            if constexpr (pushes_to<Sweep, B>) contribute<Sweep, Self, 0>(adjoint, adjoint[Self] * static_cast<T>(d_base));
            contribute<Sweep, Self, 1>(adjoint, adjoint[Self] * static_cast<T>(d_exponent));
        }
    }
};

// f(a): f'(a), read from the graph when it is there (sweep_plan.hpp's derivative_in_graph: its
// coefficient is the plan's), else the rule's derivative given a and the value y = f(a)
template <class Rule, class A> struct node_adjoint<call<Rule, A>> {
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        using in_graph = derivative_in_graph<Rule, A, typename Sweep::Nodes>;
        if constexpr (in_graph::is_one) contribute<Sweep, Self, 0>(adjoint, adjoint[Self]);
        else if constexpr (in_graph::found) contribute<Sweep, Self, 0>(adjoint, adjoint[Self] * value[in_graph::slot]);
        else {
            constexpr std::size_t a = slot_in<Sweep, A>;
            contribute<Sweep, Self, 0>(adjoint, adjoint[Self] * static_cast<T>(Rule::derivative(value[a], value[Self])));
        }
    }
};

// f(a, b): the rule's partials
template <class Rule, class A, class B> struct node_adjoint<call<Rule, A, B>> {
    template <class Sweep, std::size_t Self, class T, std::size_t K>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint) {
        constexpr std::size_t a = slot_in<Sweep, A>, b = slot_in<Sweep, B>;
        auto const [d_a, d_b] = Rule::partials(value[a], value[b], value[Self]);
        if constexpr (pushes_to<Sweep, A>) contribute<Sweep, Self, 0>(adjoint, adjoint[Self] * static_cast<T>(d_a));
        if constexpr (pushes_to<Sweep, B>) contribute<Sweep, Self, 1>(adjoint, adjoint[Self] * static_cast<T>(d_b));
    }
};

// Instantiates a node's push only where the sweep visits it.
template <class Nodes, class Wrt, std::size_t Root, std::size_t Self, class T, std::size_t K>
[[gnu::always_inline]] constexpr void reverse_step(std::array<T, K> const& value, std::array<T, K>& adjoint) {
    if constexpr (swept<Nodes, Wrt, Root>[Self])
        node_adjoint<at_t<Self, Nodes>>::template push<sweep<Nodes, Wrt, Root>, Self>(value, adjoint);
}

template <class Nodes, class Wrt, std::size_t Root, class T, std::size_t K, std::size_t... I>
[[gnu::always_inline]] constexpr void sweep_nodes(std::array<T, K> const& value, std::array<T, K>& adjoint,
                                                  std::index_sequence<I...>) {
    // The nodes in reverse topological order, as a braced list (it runs in order and, unlike a
    // fold, does not nest: Clang limits nesting to 256).
    [[maybe_unused]] int in_order[] = {0, (reverse_step<Nodes, Wrt, Root, Root - I>(value, adjoint), 0)...};
}

/// The stored adjoints: d root / d node divided by the plan's scale of the node.
template <class Nodes, class Wrt, std::size_t Root, class T, std::size_t K>
[[gnu::always_inline]] constexpr std::array<T, K> stored_adjoints(std::array<T, K> const& value) {
    std::array<T, K> adjoint{};  // the zeros of slots assigned first are dead stores, removed
    adjoint[Root] = T(1);
    sweep_nodes<Nodes, Wrt, Root>(value, adjoint, std::make_index_sequence<Root + 1>{});
    return adjoint;
}

/// d root / d node for the node at Slot, from the stored adjoints.
template <class Nodes, class Wrt, std::size_t Root, std::size_t Slot, class T, std::size_t K>
[[gnu::always_inline]] constexpr T adjoint_at(std::array<T, K> const& stored) {
    if constexpr (Slot < K) return times<sweep<Nodes, Wrt, Root>::template scale<Slot>, rational{1, 1}>(stored[Slot]);
    else return T(0);  // a variable the graph does not contain
}

/// The adjoint of every node, d root / d node (to_dot's labels; gradients read only the
/// variables' adjoints, by gradient_at).
template <class Nodes, class Wrt, std::size_t Root, class T, std::size_t K>
constexpr std::array<T, K> adjoints(std::array<T, K> const& value) {
    std::array<T, K> const stored = stored_adjoints<Nodes, Wrt, Root>(value);
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<T, K>{adjoint_at<Nodes, Wrt, Root, I>(stored)...};
    }(std::make_index_sequence<K>{});
}

template <class Nodes, class Wrt, std::size_t Root, class T, std::size_t K, std::size_t... W>
[[gnu::always_inline]] constexpr std::array<T, Wrt::size> gather(std::array<T, K> const& stored, std::index_sequence<W...>) {
    return std::array<T, Wrt::size>{adjoint_at<Nodes, Wrt, Root, activity<Nodes, Wrt>::wrt_slot[W]>(stored)...};
}

/// d root / d w for each variable w of Wrt (0 for a variable the root does not use).
template <class Nodes, class Wrt, std::size_t Root, class T, std::size_t K>
[[gnu::always_inline]] constexpr std::array<T, Wrt::size> gradient_at(std::array<T, K> const& value) {
    return gather<Nodes, Wrt, Root>(stored_adjoints<Nodes, Wrt, Root>(value), std::make_index_sequence<Wrt::size>{});
}

}  // namespace leibniz::detail
