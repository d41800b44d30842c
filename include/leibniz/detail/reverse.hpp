#pragma once
// The reverse sweep, laid out at compile time. Over the graph's nodes (graph.hpp) and their
// forward values (evaluate.hpp), an adjoint array indexed like the nodes is seeded with 1 at
// the root; then each node, in reverse topological order, adds its adjoint times its local
// derivatives (read from the rule table) to its operands' adjoints. What takes part, which
// push assigns rather than adds, and which rational factors travel as exact scales instead of
// run-time multiplications is the sweep's plan (sweep_plan.hpp). The sweep is a braced list
// of forced-inline steps: straight-line code, no tape, no allocation. Several rows of a
// Jacobian can share one sweep, each seeded in a lane of a vector of adjoints (adjoint_lanes.hpp;
// joint_gradients_at, at the end).
//
// Compile time: a node's step receives its part of the plan as one template argument, a
// push_plan value (sweep_plan.hpp): operand slots, activity, first writers and factors, read
// with indices the optimizer knows. It does not receive the sweep's type, whose name spells the
// whole graph (type_list.hpp's constant_value says why).
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
#include "sweep_plan.hpp"
#include "type_list.hpp"

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
/// (sweep_plan.hpp's derivative_can_be_infinite).

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

template <class Node> struct node_adjoint {  // leaves: nothing to pass on
    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const&, Adjoints&) {}
};

// d(t1 + t2 + ...)/dti = 1
template <class... Ts> struct node_adjoint<sum_of<Ts...>> {
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
        push_terms<Plan, T>(adjoint, std::index_sequence_for<Ts...>{});
    }
};

// y = c u1 u2 ... um / (D1 ... Dk), each Dj = bj^nj an operand of its own (graph.hpp); the
// rational c and the -1 of each Dj are the plan's (sweep_plan.hpp's local_factors):
//   dy/dui = c (the other u's) / (D1 ... Dk), by prefix products (starting from
//            1 / (D1 ... Dk)) and a suffix carried backwards, so that no factor is
//            divided out: exact when a factor is zero;
//   dy/dDj = -y / Dj, and Dj's own step pushes nj bj^(nj - 1) on to bj.
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
template <class B, rational R> struct node_adjoint<power<B, constant<R>>> {
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
template <class B> struct node_adjoint<power<B, B>> {
    template <auto Plan, class T, std::size_t K, class Adjoints>
    [[gnu::always_inline]] static constexpr void push(std::array<T, K> const& value, Adjoints& adjoint) {
        T const d =
            static_cast<T>(rules::pow_fn::same_base_and_exponent_derivative(value[Plan.operand[0]], value[Plan.self]));
        contribute<Plan.target(0), T>(adjoint, times_local<true>(own_adjoint(adjoint, Plan.self), d));
    }
};

// b^e with an expression exponent: the pow rule's partials (log b only when e is active)
template <class B, class E> struct node_adjoint<power<B, E>> {
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
template <class Rule, class Arg> struct node_adjoint<call<Rule, Arg>> {
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
template <class Rule, class Arg0, class Arg1, class... Args> struct node_adjoint<call<Rule, Arg0, Arg1, Args...>> {
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
        push_each<Plan>(value, adjoint, std::make_index_sequence<2 + sizeof...(Args)>{});
    }
};

// select(c, a, b): the adjoint goes to the taken arm, an exact 0 to the other (and nothing to
// the condition, whose derivative is 0 where it is defined: conditions push nothing)
template <class C, class Taken, class Other> struct node_adjoint<select_of<C, Taken, Other>> {
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

// ---- what an untaken arm must not pass on -----------------------------------------------
// The untaken arm of a select gets the adjoint 0, but its nodes' local derivatives may be NaN
// or infinite there (log(x) * y at x = -1: d/dy = log(-1), NaN), and 0 * NaN is NaN. So a
// node below an arm of a select pushes only when its adjoint is not 0, as the tape's sweep
// does for every node: what it would pass on is 0 where its local derivatives are finite.
// Sums pass their adjoint on unchanged (0 stays 0) and are not tested; graphs without a select
// are not touched (the test costs a compare on the hot path).
template <class Node> inline constexpr bool is_select_node = false;
template <class C, class A, class B> inline constexpr bool is_select_node<select_of<C, A, B>> = true;
template <class Node> inline constexpr bool passes_zero_on = children<Node>::type::size == 0;
template <class... Ts> inline constexpr bool passes_zero_on<sum_of<Ts...>> = true;

template <class Nodes, class... Ns> constexpr std::array<bool, sizeof...(Ns)> reachable_from_arms(type_list<Ns...>) {
    bool const select[] = {is_select_node<Ns>...};
    auto const& table = graph_links<Nodes>::value;
    std::array<bool, sizeof...(Ns)> below{};
    for (std::size_t i = sizeof...(Ns); i-- > 0;)  // users before operands
        for (std::size_t p = table.begin[i]; p < table.begin[i + 1]; ++p)
            if (below[i] || (select[i] && p != table.begin[i])) below[table.operand[p]] = true;
    return below;
}
/// below_select<Nodes>::value[i]: node i is reachable from an arm of a select.
template <class Nodes, bool HasSelect> struct below_select_in;
template <class Nodes> struct below_select_in<Nodes, false> : constant_value<std::array<bool, Nodes::size>{}> {};
// a static member, not a constant_value base: GCC 12 took constant_value<reachable_from_arms<Ns...>()>
// of one graph for that of another graph of the same size (tests/select.cpp's Jacobian after a
// Hessian); only graphs with a select pay for the member's symbol
template <class Nodes> struct below_select_in<Nodes, true> {
    static constexpr std::array<bool, Nodes::size> value = reachable_from_arms<Nodes>(typename Nodes::list{});
};
template <class Nodes, class List = typename Nodes::list> struct below_select;
template <class Nodes, class... Ns> struct below_select<Nodes, type_list<Ns...>>
    : below_select_in<Nodes, any_of({is_select_node<Ns>...})> {};

// With lanes the guard is per lane: the node pushes, and the operands' adjoints are put back
// where its own adjoint is 0, in those lanes what a skipped push leaves.
template <class Node, auto Plan, class T, std::size_t K>
[[gnu::always_inline]] constexpr void guarded_lanes_step(std::array<T, K> const& value, std::array<T, K>& adjoint) {
    constexpr std::size_t operands = std::extent_v<decltype(Plan.operand)>;
    std::array<T, operands> before{};
    for (std::size_t i = 0; i < operands; ++i)
        if (Plan.pushes[i]) before[i] = adjoint[Plan.operand[i]];
    auto const idle = adjoint[Plan.self] == T(0);
    node_adjoint<Node>::template push<Plan>(value, adjoint);
    for (std::size_t i = 0; i < operands; ++i)
        if (Plan.pushes[i]) adjoint[Plan.operand[i]] = choose(idle, before[i], adjoint[Plan.operand[i]]);
}

// A node's push where the sweep visits it, forced inline: into the caller for a small sweep,
// into its chunk's function for a large one (sweep_plan.hpp's forced_inline_pushes). Guarded
// steps sweep row by row (rows_at, jacobian_rows.hpp): A is T.
template <class Node, auto Plan, bool Guarded, class T, class A, std::size_t K>
[[gnu::always_inline]] constexpr void reverse_step(std::array<T, K> const& value, std::array<A, K>& adjoint) {
    if constexpr (!Plan.swept) return;
    else if constexpr (is_adjoint_vector<A, T> && Plan.some_lanes && std::has_single_bit(Plan.lanes)) {
        one_lane<std::countr_zero(Plan.lanes), T, A, K> lane{adjoint};
        node_adjoint<Node>::template push<Plan>(value, lane);
    } else if constexpr (Guarded && has_lanes<T>) guarded_lanes_step<Node, Plan>(value, adjoint);
    else if constexpr (Guarded) {
        if (adjoint[Plan.self] != T(0)) reverse_step<Node, Plan, false>(value, adjoint);
    } else node_adjoint<Node>::template push<Plan>(value, adjoint);
}

/// Nodes Sweep::top - First - I for each I, in reverse topological order, as a braced list (it
/// runs in order and, unlike a fold, does not nest: Clang limits nesting to 256).
template <class Sweep, std::size_t First, class T, class A, std::size_t K, std::size_t... I>
[[gnu::always_inline]] constexpr void sweep_run(std::array<T, K> const& value, std::array<A, K>& adjoint,
                                                std::index_sequence<I...>) {
    using Nodes = typename Sweep::Nodes;
    constexpr std::size_t top = Sweep::top;
    constexpr auto const& below = below_select<Nodes>::value;
    [[maybe_unused]] int in_order[] = {
        0, (reverse_step < node_at<top - First - I, Nodes>,
            plan_of<Sweep, node_at<top - First - I, Nodes>, top - First - I>::value,
            below[top - First - I] && !passes_zero_on < node_at < top - First - I, Nodes >>> (value, adjoint), 0)...};
}

/// A large sweep runs in chunks of this many nodes, each an ordinary function with its steps
/// forced inline. One function per node (what this replaced) gave GCC's inliner a caller with
/// thousands of calls to weigh one by one: 15 of 42 s of a 1,000-variable gradient were its
/// heuristics (-ftime-report, "ipa inlining heuristics"); and forcing all of them inline into
/// one function made it quadratic (a 17-parameter network's Hessian, 17 sweeps of 78 nodes:
/// 3.8 -> 15 s), for code that cannot keep its adjoints in registers anyway.
inline constexpr std::size_t nodes_per_chunk = 64;

template <class Sweep, std::size_t First, class T, class A, std::size_t K>
constexpr void sweep_chunk(std::array<T, K> const& value, std::array<A, K>& adjoint) {
    constexpr std::size_t count = Sweep::top + 1 - First < nodes_per_chunk ? Sweep::top + 1 - First : nodes_per_chunk;
    sweep_run<Sweep, First>(value, adjoint, std::make_index_sequence<count>{});
}
template <class Sweep, class T, class A, std::size_t K, std::size_t... C>
[[gnu::always_inline]] constexpr void sweep_chunks(std::array<T, K> const& value, std::array<A, K>& adjoint,
                                                   std::index_sequence<C...>) {
    [[maybe_unused]] int in_order[] = {0, (sweep_chunk<Sweep, C * nodes_per_chunk>(value, adjoint), 0)...};
}

template <class Sweep, bool Forced, class T, class A, std::size_t K>
[[gnu::always_inline]] constexpr void sweep_nodes(std::array<T, K> const& value, std::array<A, K>& adjoint) {
    if constexpr (Forced) sweep_run<Sweep, 0>(value, adjoint, std::make_index_sequence<Sweep::top + 1>{});
    else
        sweep_chunks<Sweep>(value, adjoint,
                            std::make_index_sequence<(Sweep::top + nodes_per_chunk) / nodes_per_chunk>{});
}

/// The stored adjoints: d root / d node divided by the plan's scale of the node.
template <class Nodes, class Wrt, std::size_t Root, bool Forced, class T, std::size_t K>
[[gnu::always_inline]] constexpr std::array<T, K> stored_adjoints(std::array<T, K> const& value) {
    std::array<T, K> adjoint{};  // the zeros of slots assigned first are dead stores, removed
    adjoint[Root] = T(1);
    sweep_nodes<sweep<Nodes, Wrt, Root>, Forced>(value, adjoint);
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
[[gnu::always_inline]] constexpr std::array<T, Wrt::size> gather(std::array<T, K> const& stored,
                                                                 std::index_sequence<W...>) {
    return std::array<T, Wrt::size>{adjoint_at<Nodes, Wrt, Root>(stored, activity<Nodes, Wrt>::wrt_slot[W])...};
}

/// d root / d w for each variable w of Wrt (0 for a variable the root does not use); Forced
/// says whether the caller's sweeps are few enough to force inline.
template <class Nodes, class Wrt, std::size_t Root, bool Forced, class T, std::size_t K>
[[gnu::always_inline]] constexpr std::array<T, Wrt::size> gradient_at(std::array<T, K> const& value) {
    return gather<Nodes, Wrt, Root>(stored_adjoints<Nodes, Wrt, Root, Forced>(value),
                                    std::make_index_sequence<Wrt::size>{});
}

// ---- several rows in one sweep (adjoint_lanes.hpp) ------------------------------------------

/// The adjoint of a variable of a joint sweep: the stored vector times its scale (a vector
/// operation: scaling each lane after taking it apart cost one negation or multiplication per
/// row), and an exact 0 in the rows that do not reach it (not -0 from a negative scale).
template <class Sweep, std::size_t Slot, class T, class A, std::size_t K>
[[gnu::always_inline]] constexpr A scaled_variable(std::array<A, K> const& stored) {
    if constexpr (Slot >= K) return A{};
    else {
        A const scaled = scale_adjoint<T>(Sweep::plan.scale_factor[Slot], stored[Slot]);
        if constexpr (Sweep::reaching[Slot] == Sweep::all_lanes) return scaled;
        else return only_lanes<Sweep::reaching[Slot]>(scaled, std::make_index_sequence<sizeof(A) / sizeof(T)>{});
    }
}
template <class Sweep, class T, class A, std::size_t K, std::size_t... W>
[[gnu::always_inline]] constexpr std::array<A, sizeof...(W)> scaled_variables(std::array<A, K> const& stored,
                                                                              std::index_sequence<W...>) {
    constexpr auto const& slot = activity<typename Sweep::Nodes, typename Sweep::Wrt>::wrt_slot;
    return {scaled_variable<Sweep, slot[W], T>(stored)...};
}
/// Row L of a joint sweep: lane L of each variable's adjoint.
template <std::size_t L, class T, class A, std::size_t N, std::size_t... W>
[[gnu::always_inline]] constexpr std::array<T, N> lane_row(std::array<A, N> const& adjoint, std::index_sequence<W...>) {
    return {T(adjoint[W][L])...};
}

/// The gradients of the roots Roots (lane l for the l-th) by the variables of Wrt, from one sweep
/// whose adjoints are vectors of the roots' count (a power of two): for each variable, the vector
/// of its partials, row l in lane l (lane_row takes a row apart where it is stored, so that no row
/// is copied: a row built of scalar stores and copied by 16-byte loads waits for the stores).
template <class Nodes, class Wrt, bool Forced, std::size_t... Roots, class T, std::size_t K, std::size_t... L>
[[gnu::always_inline]] constexpr std::array<adjoint_t<T, sizeof...(Roots)>, Wrt::size> joint_gradients_at(
    std::array<T, K> const& value, std::index_sequence<L...>) {
    using A = adjoint_t<T, sizeof...(Roots)>;
    using plan = sweep<Nodes, Wrt, Roots...>;
    std::array<A, K> adjoint{};
    std::size_t const roots[] = {Roots...};
    // added, not assigned: two rows may be one root (outputs(f, f))
    [[maybe_unused]] int seeded[] = {
        0, (adjoint[roots[L]] += unit_lane<A, T, L>(std::make_index_sequence<sizeof...(Roots)>{}), 0)...};
    sweep_nodes<plan, Forced>(value, adjoint);
    return scaled_variables<plan, T>(adjoint, std::make_index_sequence<Wrt::size>{});
}

}  // namespace leibniz::detail
