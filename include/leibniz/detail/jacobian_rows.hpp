#pragma once
// The rows of a Jacobian from one forward sweep over the shared graph of several outputs and one
// reverse sweep per output (reverse.hpp), written into arrays or per-block storage; the pieces
// that gradient, jacobian and hessian (gradient.hpp) are made of.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

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

/// The gradients of the graph's roots by the variables of Wrt, from its forward values; the
/// sweeps are forced inline when they are few enough (sweep_plan.hpp's forced_inline_pushes).
template <class Nodes, class Roots, class Wrt, class T, std::size_t K, std::size_t... R>
[[gnu::always_inline]] constexpr auto rows_at(std::array<T, K> const& value, std::index_sequence<R...>) {
    constexpr bool forced = [] {  // a loop, not a fold: a Hessian can have more than 256 rows
        std::size_t const counts[] = {swept_count<Nodes, Wrt, Roots::roots[R]>...};
        std::size_t total = 0;
        for (std::size_t c : counts) total += c;
        return total <= forced_inline_pushes;
    }();
    return std::array<std::array<T, Wrt::size>, sizeof...(R)>{
        gradient_at<Nodes, Wrt, Roots::roots[R], forced>(value)...};
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
