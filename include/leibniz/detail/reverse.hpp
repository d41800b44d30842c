#pragma once
// The reverse sweep, laid out at compile time. Over the graph's nodes (graph.hpp) and their
// forward values (evaluate.hpp), an adjoint array indexed like the nodes is seeded with 1 at
// the root; then each node, in reverse topological order, adds its adjoint times its local
// derivatives (read from the rule table) to its operands' adjoints. What takes part, which
// push assigns rather than adds, and which rational factors travel as exact scales instead of
// run-time multiplications is the sweep's plan (sweep_plan.hpp). The sweep is a braced list
// of forced-inline steps (each node kind's in node_adjoints.hpp): straight-line code, no tape,
// no allocation. Several rows of a Jacobian can share one sweep, each seeded in a lane of a
// vector of adjoints (adjoint_lanes.hpp; joint_gradients_at, at the end).
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
#include "node_adjoints.hpp"
#include "type_list.hpp"

namespace leibniz::detail {

// ---- what an untaken arm must not pass on -----------------------------------------------
// The untaken arm of a select gets the adjoint 0, but its nodes' local derivatives may be NaN
// or infinite there (log(x) * y at x = -1: d/dy = log(-1), NaN), and 0 * NaN is NaN. So a
// node below an arm of a select pushes only when its adjoint is not 0, as the tape's sweep
// does for every node: what it would pass on is 0 where its local derivatives are finite.
// Sums pass their adjoint on unchanged (0 stays 0) and are not tested; graphs without a select
// are not touched (the test costs a compare on the hot path).
// classes, not variable templates: a variable per node is a symbol named after the node (combine.hpp)
template <class Node> struct is_select_node : std::false_type {};
template <class C, class A, class B> struct is_select_node<select_of<C, A, B>> : std::true_type {};
template <class Node> struct passes_zero_on : std::bool_constant<children<Node>::type::size == 0> {};
template <class... Ts> struct passes_zero_on<sum_of<Ts...>> : std::true_type {};

template <class Nodes, class... Ns> constexpr std::array<bool, sizeof...(Ns)> reachable_from_arms(type_list<Ns...>) {
    bool const select[] = {is_select_node<Ns>::value...};
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
    : below_select_in<Nodes, any_of({is_select_node<Ns>::value...})> {};

// With lanes the guard is per lane: the node pushes, and the operands' adjoints are put back
// where its own adjoint is 0, in those lanes what a skipped push leaves.
template <class Shape, auto Plan, class T, std::size_t K>
[[gnu::always_inline]] constexpr void guarded_lanes_step(std::array<T, K> const& value, std::array<T, K>& adjoint) {
    constexpr std::size_t operands = std::extent_v<decltype(Plan.operand)>;
    std::array<T, operands> before{};
    for (std::size_t i = 0; i < operands; ++i)
        if (Plan.pushes[i]) before[i] = adjoint[Plan.operand[i]];
    auto const idle = adjoint[Plan.self] == T(0);
    node_adjoint<Shape>::template push<Plan>(value, adjoint);
    for (std::size_t i = 0; i < operands; ++i)
        if (Plan.pushes[i]) adjoint[Plan.operand[i]] = choose(idle, before[i], adjoint[Plan.operand[i]]);
}

// A node's push where the sweep visits it, forced inline: into the caller for a small sweep,
// into its chunk's function for a large one (sweep_plan.hpp's forced_inline_pushes). Guarded
// steps sweep row by row (rows_at, jacobian_rows.hpp): A is T.
template <class Shape, auto Plan, bool Guarded, class T, class A, std::size_t K>
[[gnu::always_inline]] constexpr void reverse_step(std::array<T, K> const& value, std::array<A, K>& adjoint) {
    if constexpr (!Plan.swept) return;
    else if constexpr (is_adjoint_vector<A, T> && Plan.some_lanes && std::has_single_bit(Plan.lanes)) {
        one_lane<std::countr_zero(Plan.lanes), T, A, K> lane{adjoint};
        node_adjoint<Shape>::template push<Plan>(value, lane);
    } else if constexpr (Guarded && has_lanes<T>) guarded_lanes_step<Shape, Plan>(value, adjoint);
    else if constexpr (Guarded) {
        if (adjoint[Plan.self] != T(0)) reverse_step<Shape, Plan, false>(value, adjoint);
    } else node_adjoint<Shape>::template push<Plan>(value, adjoint);
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
        0,
        (reverse_step < shape_of_t<node_at<top - First - I, Nodes>>,
         plan_of<Sweep, node_at<top - First - I, Nodes>, top - First - I>::value,
         below[top - First - I] && !passes_zero_on<node_at<top - First - I, Nodes>>::value > (value, adjoint), 0)...};
}

/// A large sweep runs in chunks of this many nodes, each an ordinary function with its steps
/// forced inline. One function per node (what this replaced) gave GCC's inliner a caller with
/// thousands of calls to weigh one by one: 15 of 42 s of a 1,000-variable gradient were its
/// heuristics (-ftime-report, "ipa inlining heuristics"); and forcing all of them inline into
/// one function made it quadratic (a 17-parameter network's Hessian, 17 sweeps of 78 nodes:
/// 3.8 -> 15 s), for code that cannot keep its adjoints in registers anyway.
inline constexpr std::size_t nodes_per_chunk = 64;

// A chunk's function is named after its own steps (each node's shape, plan and guard), never
// after the graph or the sweep (evaluate.hpp's fill_chunk says why: GCC's mangler).
template <class Shape, auto Plan, bool Guarded> struct push_step {};
template <class... Steps> struct push_steps {};
template <class Sweep, std::size_t First, class I> struct chunk_pushes;
template <class Sweep, std::size_t First, std::size_t... I>
struct chunk_pushes<Sweep, First, std::index_sequence<I...>> {
    using Nodes = typename Sweep::Nodes;  // (no static member here: it would be a symbol named after the sweep)
    using type =
        push_steps<push_step<shape_of_t<node_at<Sweep::top - First - I, Nodes>>,
                             plan_of<Sweep, node_at<Sweep::top - First - I, Nodes>, Sweep::top - First - I>::value,
                             below_select<Nodes>::value[Sweep::top - First - I] &&
                                 !passes_zero_on<node_at<Sweep::top - First - I, Nodes>>::value>...>;
};
constexpr std::size_t sweep_chunk_length(std::size_t top, std::size_t first) {
    return top + 1 - first < nodes_per_chunk ? top + 1 - first : nodes_per_chunk;
}

template <class... Shapes, auto... Plans, bool... Guarded, class T, class A, std::size_t K>
constexpr void sweep_chunk(push_steps<push_step<Shapes, Plans, Guarded>...>, std::array<T, K> const& value,
                           std::array<A, K>& adjoint) {
    [[maybe_unused]] int in_order[] = {0, (reverse_step<Shapes, Plans, Guarded>(value, adjoint), 0)...};
}
template <class Sweep, class T, class A, std::size_t K, std::size_t... C>
[[gnu::always_inline]] constexpr void sweep_chunks(std::array<T, K> const& value, std::array<A, K>& adjoint,
                                                   std::index_sequence<C...>) {
    [[maybe_unused]] int in_order[] = {
        0, (sweep_chunk(typename chunk_pushes<
                            Sweep, C * nodes_per_chunk,
                            std::make_index_sequence<sweep_chunk_length(Sweep::top, C * nodes_per_chunk)>>::type{},
                        value, adjoint),
            0)...};
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
