#pragma once
// One node's reverse step for each kind of node (sum, product, power, call, select): its
// pushes, adjoint[operand] += adjoint[node] * d node / d operand, with the plan's factors, onto
// the adjoints of one row or of several in a vector (adjoint_lanes.hpp). The sweep that runs
// them in order is reverse.hpp's.
#include <array>
#include <bit>
#include <cstddef>
#include <tuple>
#include <utility>

#include "../functions.hpp"
#include "../evaluate.hpp"
#include "../expression.hpp"
#include "../power.hpp"
#include "../rules.hpp"
#include "adjoint_lanes.hpp"
#include "graph.hpp"
#include "node_shape.hpp"
#include "sweep_plan.hpp"

namespace leibniz::detail {

/// A rational factor applied to an adjoint: of one row, as apply_multiplier; of several rows
/// (adjoint_lanes.hpp), to each lane.
template <class T, class A> [[gnu::always_inline]] constexpr A scale_adjoint(multiplier const& m, A const& x) {
    if constexpr (!is_adjoint_vector<A, T>) return apply_multiplier(m, x);
    else
        return m.kind == multiplier::none     ? x
               : m.kind == multiplier::negate ? -x
                                              : x * to_number<T>(m.a.as<long double>() * m.b.as<long double>());
}

/// A push to one operand: the operand's stored adjoint receives contribution (the stored
/// adjoint of the node times the local derivative, without the rational factor the plan
/// carries) times the plan's factor for the push, assigned when it is the first, added
/// otherwise. The push's part of the plan (push_plan::target) is the template argument, not the
/// whole plan: a sum of 2,000 terms makes 2,000 pushes, and with its plan of 2,000 entries as
/// every push's argument GCC compared and stored the plan at each (1.8 MiB of compiler memory per
/// node). Target and contribution are constants where this is inlined, so the branches fold
/// away; a factor of 1 costs nothing, -1 a negation.
template <push_target Target, class T, class Adjoints>
[[gnu::always_inline]] constexpr void contribute(Adjoints& adjoint, typename Adjoints::value_type const& contribution) {
    using A = typename Adjoints::value_type;
    A scaled = scale_adjoint<T>(Target.factor, contribution);
    if constexpr (is_adjoint_vector<A, T> && Target.some_lanes)
        scaled = only_lanes<Target.lanes>(scaled, std::make_index_sequence<sizeof(A) / sizeof(T)>{});
    if constexpr (Target.assigns) adjoint[Target.operand] = scaled;
    else adjoint[Target.operand] += scaled;
}

/// The node's own adjoint, as its pushes read it: of one row, of several in a vector, or of the
/// one row of a joint sweep that reaches the node (one_lane).
/// (The slot is an argument, not a template argument: one function per kind of adjoints, not one
/// per node and sweep.)
template <class Adjoints>
[[gnu::always_inline]] constexpr typename Adjoints::value_type own_adjoint(Adjoints const& adjoint, std::size_t self) {
    return adjoint[self];
}

/// The adjoint times a local derivative that can be infinite or NaN where the operand is finite
/// (sqrt'(0), log'(0), x^y's log x at 0): 0 where the adjoint is 0, as the tape's sweep, which
/// skips a node whose adjoint is 0, gives; so d(sqrt(x) y)/dx at (0, 0) is 0, not 0 * infinity
/// = NaN. Where the local derivative is bounded the plain product is kept (no compare on the hot
/// path). A product's pushes are not tested: its local derivatives are infinite only at a zero
/// denominator, where the product itself is infinite and the tape's 0 is no better than NaN
/// (d/dy atan(x / y) at y = 0 is -1/x; the tape gives 0, the sweep NaN), and the test cost the
/// bundle-adjustment gradient 8% (bench/bundle_adjustment.cpp, 78 -> 85 ns).
/// Rules whose local derivative can be infinite or NaN where the argument is finite say so
/// (sweep_links.hpp's derivative_can_be_infinite).

template <bool MayBeInfinite, class T, class A>
[[gnu::always_inline]] constexpr A times_local(A const& adjoint, T const& local) {
    if constexpr (MayBeInfinite && is_adjoint_vector<A, T>) return adjoint == A{} ? A{} : A(adjoint * local);
    else if constexpr (MayBeInfinite && has_lanes<T>) return choose(adjoint == T(0), T(0), T(adjoint * local));
    else if constexpr (MayBeInfinite) return adjoint == T(0) ? T(0) : adjoint * local;
    else return adjoint * local;
}

// ---- one node's reverse step: adjoint[operand] += adjoint[node] * d node / d operand -------
// A push's parts are forced inline into the node's step; the steps themselves are forced
// inline into the caller when the call's sweeps are small (sweep_plan.hpp's
// forced_inline_pushes), so that the sweep is straight-line code with the adjoints in registers,
// and into functions of 64 nodes each when they are large (sweep_chunk, below).

template <class Shape> struct node_adjoint {  // leaves and conditions: nothing to pass on
    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const&, Adjoints&) {}
};

// d(t1 + t2 + ...)/dti = 1
template <std::size_t Count> struct node_adjoint<sum_shape<Count>> {
    template <auto Plan, class T, class Adjoints, std::size_t... I>
    [[gnu::always_inline]] static constexpr void push_terms(Adjoints& adjoint, std::index_sequence<I...>) {
        // braced lists, not loops (GCC does not unroll a long one: the adjoints would stay in
        // memory) and not folds (they nest, and Clang stops at 256)
        [[maybe_unused]] int in_order[] = {
            0, (Plan.pushes[I] ? contribute<Plan.copy_target(I), T>(adjoint, own_adjoint(adjoint, Plan.self)) : void(),
                0)...};
    }
    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const&, Adjoints& adjoint) {
        push_terms<Plan, T>(adjoint, std::make_index_sequence<Count>{});
    }
};

// y = c u1 u2 ... um / (D1 ... Dk), each Dj = bj^nj an operand of its own (graph.hpp); the
// rational c and the -1 of each Dj are the plan's (sweep_plan.hpp's local_factors):
//   dy/dui = c (the other u's) / (D1 ... Dk), by prefix products (starting from
//            1 / (D1 ... Dk)) and a suffix carried backwards, so that no factor is
//            divided out: exact when a factor is zero;
//   dy/dDj = -y / Dj, and Dj's own step pushes nj bj^(nj - 1) on to bj.
template <factor_kind... Kinds> struct node_adjoint<product_shape<Kinds...>> {
    static constexpr std::size_t count = sizeof...(Kinds);
    struct split {
        std::size_t numerators = 0, denominators = 0;
        std::size_t numerator[count]{}, denominator[count]{};  // positions among the factors
    };
    static constexpr split factors = []() consteval {
        bool const in_denominator[] = {(Kinds == factor_kind::denominator)...};
        bool const coefficient[] = {(Kinds == factor_kind::coefficient)...};  // left to the plan's scales
        split s{};
        for (std::size_t f = 0; f < count; ++f) {
            if (in_denominator[f]) s.denominator[s.denominators++] = f;
            else if (!coefficient[f]) s.numerator[s.numerators++] = f;
        }
        return s;
    }
    ();

    // 1 / Dj, one division per denominator, computed before the adjoint is known (off the
    // critical path) and shared by a Jacobian's sweeps: the pushes multiply by them. Dividing
    // instead (y / Dj for each Dj, and 1 / D1 / ... / Dk again for the numerators) cost two
    // divisions per denominator, and the divider, not the multiplier, bounded the reprojection
    // residual's Jacobian (bench/ceres_cost.cpp: 32 divisions where the hand-written one has 2)
    template <auto Plan, class T, std::size_t K, std::size_t... J>
    [[gnu::always_inline]] static constexpr std::array<T, sizeof...(J)> inverse_denominators(
        std::array<T, K> const& value, std::index_sequence<J...>) {
        return {T(T(1) / value[Plan.operand[factors.denominator[J]]])...};
    }

    // dy/dDj = -y / Dj (the -1 is the plan's), as y times 1 / Dj
    template <auto Plan, class T, std::size_t K, class Adjoints, std::size_t D, std::size_t... J>
    [[gnu::always_inline]] static constexpr void push_denominators(std::array<T, K> const& value, Adjoints& adjoint,
                                                                   std::array<T, D> const& inverse,
                                                                   std::index_sequence<J...>) {
        [[maybe_unused]] int in_order[] = {
            0, (Plan.pushes[factors.denominator[J]]
                    ? contribute<Plan.target(factors.denominator[J]), T>(
                          adjoint, own_adjoint(adjoint, Plan.self) * (value[Plan.self] * inverse[J]))
                    : void(),
                0)...};
    }
    // before[j] = running u1 ... u(j-1), running being 1 or 1 / denominator; after = adjoint
    // u(j+1) ... um, walking j down
    template <auto Plan, class T, std::size_t K, class Adjoints, std::size_t... J>
    [[gnu::always_inline]] static constexpr void push_numerators(std::array<T, K> const& value, Adjoints& adjoint,
                                                                 T running, std::index_sequence<J...>) {
        constexpr std::size_t m = sizeof...(J);
        T before[m]{};
        [[maybe_unused]] int forwards[] = {
            0, (before[J] = running, running = running * value[Plan.operand[factors.numerator[J]]], 0)...};
        if constexpr (is_adjoint_vector<typename Adjoints::value_type, T>) {
            // several rows: each partial before[j] u(j+1) ... um in T first, shared by the rows
            // and off the adjoints' critical path, then one vector product per push (carrying
            // the adjoint down the suffix cost one vector product and broadcast per factor more)
            T after = T(1);
            [[maybe_unused]] int backwards[] = {
                0, (Plan.pushes[factors.numerator[m - 1 - J]]
                        ? contribute<Plan.target(factors.numerator[m - 1 - J]), T>(
                              adjoint, own_adjoint(adjoint, Plan.self) * T(before[m - 1 - J] * after))
                        : void(),
                    after = after * value[Plan.operand[factors.numerator[m - 1 - J]]], 0)...};
        } else {
            auto after = own_adjoint(adjoint, Plan.self);
            [[maybe_unused]] int backwards[] = {
                0, (Plan.pushes[factors.numerator[m - 1 - J]]
                        ? contribute<Plan.target(factors.numerator[m - 1 - J]), T>(adjoint, before[m - 1 - J] * after)
                        : void(),
                    after = after * value[Plan.operand[factors.numerator[m - 1 - J]]], 0)...};
        }
    }

    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, Adjoints& adjoint) {
        if constexpr (factors.denominators == 0) {
            if constexpr (factors.numerators > 0)
                push_numerators<Plan>(value, adjoint, T(1), std::make_index_sequence<factors.numerators>{});
        } else {
            auto const inverse = inverse_denominators<Plan>(value, std::make_index_sequence<factors.denominators>{});
            push_denominators<Plan>(value, adjoint, inverse, std::make_index_sequence<factors.denominators>{});
            if constexpr (factors.numerators > 0) {
                // 1 / (D1 ... Dk) as a product of inverses: no product of denominators to overflow
                T first = inverse[0];
                for (std::size_t j = 1; j < factors.denominators; ++j) first = first * inverse[j];
                push_numerators<Plan>(value, adjoint, first, std::make_index_sequence<factors.numerators>{});
            }
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
template <rational R> struct node_adjoint<rational_power_shape<R>> {
    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, Adjoints& adjoint) {
        if constexpr (R == rational{1, 1}) contribute<Plan.target(0), T>(adjoint, own_adjoint(adjoint, Plan.self));
        else
            contribute<Plan.target(0), T>(
                adjoint, times_local<(R < rational{1, 1})>(own_adjoint(adjoint, Plan.self),
                                                           power_below<R>(value[Plan.operand[0]], value[Plan.self])));
    }
};

// b^b: d/db = b^b (log b + 1), the pow rule's two partials (b b^b / b and b^b log b) added
// as one, without the division: x^x's gradient costs what the textbook formula does
template <> struct node_adjoint<same_base_power_shape> {
    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, Adjoints& adjoint) {
        T const d =
            static_cast<T>(rules::pow_fn::same_base_and_exponent_derivative(value[Plan.operand[0]], value[Plan.self]));
        contribute<Plan.target(0), T>(adjoint, times_local<true>(own_adjoint(adjoint, Plan.self), d));
    }
};

// b^e with an expression exponent: the pow rule's partials (log b only when e is active)
template <> struct node_adjoint<power_shape> {
    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, Adjoints& adjoint) {
        T const& b = value[Plan.operand[0]];
        T const& e = value[Plan.operand[1]];
        if (!Plan.pushes[1]) {
            contribute<Plan.target(0), T>(
                adjoint,
                times_local<true>(own_adjoint(adjoint, Plan.self),
                                  static_cast<T>(rules::pow_fn::base_partial_given_value(b, e, value[Plan.self]))));
        } else {
            auto const [d_base, d_exponent] = rules::pow_fn::partials(b, e, value[Plan.self]);
            if (Plan.pushes[0])
                contribute<Plan.target(0), T>(
                    adjoint, times_local<true>(own_adjoint(adjoint, Plan.self), static_cast<T>(d_base)));
            contribute<Plan.target(1), T>(
                adjoint, times_local<true>(own_adjoint(adjoint, Plan.self), static_cast<T>(d_exponent)));
        }
    }
};

// f(a): f'(a), read from the graph when it is there (sweep_plan.hpp's derivative_in_graph: its
// coefficient is the plan's), else the rule's derivative given a and the value y = f(a)
template <class Rule> struct node_adjoint<call_shape<Rule, 1>> {
    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, Adjoints& adjoint) {
        if constexpr (Plan.derivative_found)
            contribute<Plan.target(0), T>(adjoint, own_adjoint(adjoint, Plan.self) * value[Plan.derivative_slot]);
        else
            contribute<Plan.target(0), T>(
                adjoint, times_local<derivative_can_be_infinite<Rule>>(
                             own_adjoint(adjoint, Plan.self),
                             static_cast<T>(Rule::derivative(value[Plan.operand[0]], value[Plan.self]))));
    }
};

// f(a, b, ...): the rule's partials, one per argument
template <class Rule, std::size_t Count>
requires(Count >= 2) struct node_adjoint<call_shape<Rule, Count>> {
    template <auto Plan, class T, std::size_t K, class Adjoints, std::size_t... I>
    [[gnu::always_inline]] static constexpr void push_each(std::array<T, K> const& value, Adjoints& adjoint,
                                                           std::index_sequence<I...>) {
        auto const partials = Rule::partials(value[Plan.operand[I]]..., value[Plan.self]);
        constexpr bool unbounded = derivative_can_be_infinite<Rule>;
        ((Plan.pushes[I]
              ? contribute<Plan.target(I), T>(adjoint, times_local<unbounded>(own_adjoint(adjoint, Plan.self),
                                                                              static_cast<T>(std::get<I>(partials))))
              : void()),
         ...);
    }
    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, Adjoints& adjoint) {
        push_each<Plan>(value, adjoint, std::make_index_sequence<Count>{});
    }
};

// select(c, a, b): the adjoint goes to the taken arm, an exact 0 to the other (and nothing to
// the condition, whose derivative is 0 where it is defined: conditions push nothing)
template <> struct node_adjoint<select_shape> {
    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, Adjoints& adjoint) {
        static_assert(!is_adjoint_vector<typename Adjoints::value_type, T>,
                      "leibniz internal: a graph with a select is swept row by row");
        auto const taken = value[Plan.operand[0]] != T(0);  // a bool, or a mask of lanes
        if (Plan.pushes[1])
            contribute<Plan.target(1), T>(adjoint, choose(taken, own_adjoint(adjoint, Plan.self), T(0)));
        if (Plan.pushes[2])
            contribute<Plan.target(2), T>(adjoint, choose(taken, T(0), own_adjoint(adjoint, Plan.self)));
    }
};

}  // namespace leibniz::detail
