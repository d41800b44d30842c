#pragma once
// The rows of a Jacobian from one forward sweep over the shared graph of several outputs and one
// reverse sweep per output (reverse.hpp), or one per two outputs (four in float) that share most
// of their sweep, their adjoints in a vector (adjoint_lanes.hpp), written into arrays or
// per-block storage; the pieces that gradient, jacobian and hessian (gradient.hpp) are made of.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "adjoint_lanes.hpp"
#include "blocks.hpp"
#include "graph.hpp"
#include "refusals.hpp"
#include "reverse.hpp"
#include "type_list.hpp"
#include "../derivative.hpp"
#include "../evaluate.hpp"
#include "../result_storage.hpp"

namespace leibniz::detail {

/// The graph of several trees: the union of their nodes, by one depth-first walk from every
/// root in turn (graph.hpp's), so a node shared by several outputs is one node, computed once.
template <class Trees> struct shared_graph;
template <class Tree> struct shared_graph<type_list<Tree>> {
    using nodes = graph_nodes<Tree>;
    static constexpr std::array<std::size_t, 1> roots{nodes::size - 1};
};
template <class... Trees> struct shared_graph<type_list<Trees...>> {
    using nodes = graph_of<Trees...>;
    static constexpr std::array<std::size_t, sizeof...(Trees)> roots{slot_of<Trees, nodes>::value...};
};

template <class Nodes, class Number, class... Bindings> using sweep_type =
    widened_by_t<typename evaluation_type<typename variables_in<Nodes>::type, Bindings...>::type, Number>;

/// Whether some node of the graph is below an arm of a select: its push is guarded by its own
/// adjoint (reverse.hpp), one row at a time.
template <class Nodes> constexpr bool has_guarded_nodes() {
    for (bool below : below_select<Nodes>::value)
        if (below) return true;
    return false;
}

/// How many rows one sweep takes: adjoint_lanes<T> (adjoint_lanes.hpp) when there are several
/// rows and no guarded node, else 1.
template <class Nodes, class T, std::size_t Rows> inline constexpr std::size_t rows_per_sweep =
    Rows > 1 && adjoint_lanes<T> > 1 && !has_guarded_nodes<Nodes>() ? adjoint_lanes<T> : 1;

/// Root r of the rows swept G at a time: the last sweep repeats the last root in the lanes the
/// rows do not fill.
template <class Roots, std::size_t G, std::size_t Sweep, std::size_t Lane> inline constexpr std::size_t root_in_lane =
    Roots::roots[Sweep * G + Lane < Roots::roots.size() ? Sweep * G + Lane : Roots::roots.size() - 1];

template <class Nodes, class Roots, class Wrt, std::size_t G, std::size_t S, std::size_t... L>
constexpr bool rows_share_their_sweep_of(std::index_sequence<L...>) {
    return rows_share_their_sweep<Nodes, Wrt, root_in_lane<Roots, G, S, L>...>::value;
}
template <class Nodes, class Roots, class Wrt, std::size_t G, std::size_t S, std::size_t... L>
constexpr std::size_t pushes_of_sweep(std::index_sequence<L...>) {
    if constexpr (rows_share_their_sweep<Nodes, Wrt, root_in_lane<Roots, G, S, L>...>::value)
        return swept_count<Nodes, Wrt, root_in_lane<Roots, G, S, L>...>::value;
    else return (swept_count<Nodes, Wrt, root_in_lane<Roots, G, S, L>>::value + ...);
}
/// The pushes of sweeps S..., G rows each: the sweeps of a call are forced inline when they are
/// few enough (sweep_plan.hpp's forced_inline_pushes).
template <class Nodes, class Roots, class Wrt, std::size_t G, std::size_t... S>
constexpr std::size_t pushes_of_sweeps(std::index_sequence<S...>) {
    // a loop, not a fold: a Hessian can have more than 256 rows
    std::size_t const counts[] = {0, pushes_of_sweep<Nodes, Roots, Wrt, G, S>(std::make_index_sequence<G>{})...};
    std::size_t total = 0;
    for (std::size_t c : counts) total += c;
    return total;
}

/// Sweep S's partials, a vector per variable (reverse.hpp's joint_gradients_at), where its rows
/// share it; else nothing (its rows are swept one by one, by row_at).
template <class Nodes, class Roots, class Wrt, bool Forced, std::size_t G, std::size_t S, class T, std::size_t K,
          std::size_t... L>
[[gnu::always_inline]] constexpr auto joint_partials(std::array<T, K> const& value, std::index_sequence<L...> lanes) {
    if constexpr (rows_share_their_sweep<Nodes, Wrt, root_in_lane<Roots, G, S, L>...>::value)
        return joint_gradients_at<Nodes, Wrt, Forced, root_in_lane<Roots, G, S, L>...>(value, lanes);
    else return std::array<adjoint_t<T, G>, Wrt::size>{};  // unused, removed
}

/// One sweep per row.
template <class Nodes, class Roots, class Wrt, class T, std::size_t K, std::size_t... R>
[[gnu::always_inline]] constexpr auto rows_one_by_one(std::array<T, K> const& value, std::index_sequence<R...> rows) {
    constexpr bool forced = pushes_of_sweeps<Nodes, Roots, Wrt, 1>(rows) <= forced_inline_pushes;
    return std::array<std::array<T, Wrt::size>, sizeof...(R)>{
        gradient_at<Nodes, Wrt, Roots::roots[R], forced>(value)...};
}

/// Row R, built where it is returned (no row is copied: lane_row says why): a lane of joint sweep
/// R / G, or its own sweep where its joint sweep's rows do not share it or where it is left alone.
template <class Nodes, class Roots, class Wrt, bool Forced, std::size_t G, std::size_t R, std::size_t Sweeps, class T,
          std::size_t K, class Partials>
[[gnu::always_inline]] constexpr std::array<T, Wrt::size> row_at(std::array<T, K> const& value,
                                                                 Partials const& partials) {
    constexpr std::size_t S = R / G;
    if constexpr (S < Sweeps) {
        constexpr bool shares = rows_share_their_sweep_of<Nodes, Roots, Wrt, G, S>(std::make_index_sequence<G>{});
        if constexpr (shares) return lane_row<R % G, T>(partials[S], std::make_index_sequence<Wrt::size>{});
        else return gradient_at<Nodes, Wrt, Roots::roots[R], Forced>(value);
    } else return gradient_at<Nodes, Wrt, Roots::roots[R], Forced>(value);
}

/// One sweep per G rows (where they share it: sweep_links.hpp's rows_share_their_sweep; else one
/// per row), sweep S taking rows S G ... S G + G - 1, the last one's unfilled lanes repeating its
/// last row; but a last row left over alone is swept alone, in T (in a vector it would cost what
/// two rows do, and its seed, 1 in every lane, would not fold away as a scalar 1 does).
template <class Nodes, class Roots, class Wrt, std::size_t G, class T, std::size_t K, std::size_t... R,
          std::size_t... S>
[[gnu::always_inline]] constexpr auto rows_jointly(std::array<T, K> const& value, std::index_sequence<R...>,
                                                   std::index_sequence<S...> sweeps) {
    constexpr std::size_t rows = sizeof...(R);
    constexpr bool alone = rows % G == 1;
    constexpr bool forced = pushes_of_sweeps<Nodes, Roots, Wrt, G>(sweeps) +
                                (alone ? swept_count<Nodes, Wrt, Roots::roots[rows - 1]>::value : 0) <=
                            forced_inline_pushes;
    std::array<std::array<adjoint_t<T, G>, Wrt::size>, sizeof...(S)> const partials{
        joint_partials<Nodes, Roots, Wrt, forced, G, S>(value, std::make_index_sequence<G>{})...};
    return std::array<std::array<T, Wrt::size>, rows>{
        row_at<Nodes, Roots, Wrt, forced, G, R, sizeof...(S)>(value, partials)...};
}

/// The gradients of the graph's roots by the variables of Wrt, from its forward values: one
/// sweep per row, or one per G rows with their adjoints in vectors (adjoint_lanes.hpp).
template <class Nodes, class Roots, class Wrt, class T, std::size_t K, std::size_t... R>
[[gnu::always_inline]] constexpr auto rows_at(std::array<T, K> const& value, std::index_sequence<R...> rows) {
    constexpr std::size_t G = rows_per_sweep<Nodes, T, sizeof...(R)>;
    if constexpr (G == 1) return rows_one_by_one<Nodes, Roots, Wrt>(value, rows);
    else {
#if defined(__clang__)
        // Clang 14 reads no lane of a vector in a constant expression: there, row by row (GCC
        // does; instantiating both ways cost it 2.8 of 36 s of tests/random_expressions_1.cpp)
        if (std::is_constant_evaluated()) return rows_one_by_one<Nodes, Roots, Wrt>(value, rows);
#endif
        constexpr std::size_t joint_sweeps = sizeof...(R) % G == 1 ? sizeof...(R) / G : (sizeof...(R) + G - 1) / G;
        return rows_jointly<Nodes, Roots, Wrt, G>(value, rows, std::make_index_sequence<joint_sweeps>{});
    }
}

/// Row r: the gradient of the r-th tree by the variables of Wrt, from one forward sweep. Forced
/// inline with the sweeps it calls (reverse.hpp says why).
template <class Trees, class Wrt, class Number, std::size_t N, class... Bindings>
[[gnu::always_inline]] constexpr auto jacobian_rows(std::array<Number, N> const& numbers, Bindings const&... bindings) {
    using graph = shared_graph<Trees>;
    using nodes = typename graph::nodes;
    using T = sweep_type<nodes, Number, Bindings...>;
    auto const value = forward_values<nodes, T>(numbers, bindings...);
    return rows_at<nodes, graph, Wrt>(value, std::make_index_sequence<Trees::size>{});
}

// d2f/dwi dwj = d2f/dwj dwi, but the two sweeps may round differently: entry (i, j) is taken
// from row min(i, j), at indices known at compile time, so the compiler forwards the values
// (a copying loop over the lower triangle went through memory: Rosenbrock-16's Hessian spent
// a third of its time there).
template <std::size_t I, class T, std::size_t N, std::size_t... J>
[[gnu::always_inline]] constexpr std::array<T, N> symmetric_row(std::array<std::array<T, N>, N> const& rows,
                                                                std::index_sequence<J...>) {
    return {rows[I < J ? I : J][I < J ? J : I]...};
}
template <class T, std::size_t N, std::size_t... I>
[[gnu::always_inline]] constexpr auto symmetric(std::array<std::array<T, N>, N> const& rows,
                                                std::index_sequence<I...>) {
    return std::array<std::array<T, N>, N>{symmetric_row<I>(rows, std::make_index_sequence<N>{})...};
}

// The second derivatives d/dwj (d f/dwi) for every pair of Wrt, as trees sharing f's numbers.
template <class Tree, class Wrt> struct gradient_trees;
template <class Tree, class... Ws> struct gradient_trees<Tree, type_list<Ws...>> {
    using type = type_list<derivative_tree<Tree, Ws>...>;
};

/// The values of the graph's roots, from its forward values.
template <class Graph, class T, std::size_t K, std::size_t... R>
[[gnu::always_inline]] constexpr std::array<T, sizeof...(R)> root_values(std::array<T, K> const& value,
                                                                         std::index_sequence<R...>) {
    return {value[Graph::roots[R]]...};
}

/// The rows of a Jacobian by the variables of the blocks in Mask, written into their blocks
/// (blocks.hpp's for_wanted_blocks calls it with the Mask of the non-null blocks).
template <class Trees, class Blocks, class T, std::size_t K, class U> struct block_sweep {
    std::array<T, K> const& value;
    U* const* blocks;
    template <std::size_t Mask> [[gnu::always_inline]] constexpr void operator()() const {
        using graph = shared_graph<Trees>;
        using wrt = typename selected_variables<Mask, Blocks>::type;
        write_blocks<Mask, Blocks>(
            blocks, rows_at<typename graph::nodes, graph, wrt>(value, std::make_index_sequence<Trees::size>{}));
    }
};

/// The Jacobian's blocks into blocks[k] (row-major, outputs x size of block k), each non-null
/// block computed and a null one not; from the forward values.
template <class Trees, class Blocks, class T, std::size_t K, class U>
[[gnu::always_inline]] constexpr void write_jacobian_blocks(std::array<T, K> const& value, U* const* blocks) {
    static_cast<void>(refuse_number_class_into<std::remove_cv_t<U>, T>{});
    for_wanted_blocks<Blocks::size>(wanted_blocks<Blocks::size>(blocks),
                                    block_sweep<Trees, Blocks, T, K, U>{value, blocks});
}

}  // namespace leibniz::detail
