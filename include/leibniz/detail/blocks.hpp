#pragma once
// Results written where callers keep them. Row-major arrays (a gradient, a Jacobian of M rows,
// a Hessian) and Jacobians per block of columns, as Ceres' CostFunction::Evaluate wants them:
// double** jacobians, one row-major M x size_k matrix per parameter block k, null for a block
// not wanted. A block is the columns of one differentiation target (a family or a variable).
// For up to max_dispatched_blocks blocks, each combination of wanted blocks has its own
// reverse sweeps, by those blocks' variables only, and the call picks one at run time: a null
// block is not computed (sweep_links.hpp's activity leaves out nodes that lead only to it).
// Above that, one set of sweeps by every variable serves all combinations (2^K copies of the
// sweeps would cost compile time out of proportion).
#include <array>
#include <cstddef>
#include <utility>

#include "type_list.hpp"

namespace leibniz::detail {

inline constexpr std::size_t max_dispatched_blocks = 4;
/// The mask of the undispatched case: every block, null ones skipped when written.
inline constexpr std::size_t every_block = ~std::size_t{0};
constexpr bool selects(std::size_t mask, std::size_t block) {
    return mask == every_block || (block < max_dispatched_blocks && ((mask >> block) & 1u) != 0);
}

/// The sizes of a Jacobian's blocks: the number of variables of each.
template <class Blocks> inline constexpr std::array<std::size_t, 0> block_sizes{};
template <class... Bs>
inline constexpr std::array<std::size_t, sizeof...(Bs)> block_sizes<type_list<Bs...>>{Bs::size...};

/// The variables of the blocks whose bits are set in Mask, in block order.
template <std::size_t Mask, class Blocks, class Seq = std::make_index_sequence<Blocks::size>> struct selected_variables;
template <std::size_t Mask, class... Bs, std::size_t... I>
struct selected_variables<Mask, type_list<Bs...>, std::index_sequence<I...>> {
    using type = concat_t<std::conditional_t<selects(Mask, I), Bs, type_list<>>...>;
};

/// Bit k set when blocks[k] is not null (above max_dispatched_blocks: every_block if any is).
template <std::size_t Count, class U> constexpr std::size_t wanted_blocks(U* const* blocks) {
    std::size_t mask = 0;
    for (std::size_t k = 0; k < Count; ++k)
        if (blocks[k] != nullptr) mask |= Count <= max_dispatched_blocks ? std::size_t{1} << k : every_block;
    return mask;
}

/// rows[r][c] into out[r * C + c].
template <class U, class T, std::size_t M, std::size_t C>
[[gnu::always_inline]] constexpr void write_row_major(U* out, std::array<std::array<T, C>, M> const& rows) {
    for (std::size_t r = 0; r < M; ++r)
        for (std::size_t c = 0; c < C; ++c) out[r * C + c] = rows[r][c];
}

/// The first column of block K among the rows by the variables of the blocks in Mask.
template <std::size_t Mask, class Blocks, std::size_t K> constexpr std::size_t block_column() {
    std::size_t column = 0;
    for (std::size_t k = 0; k < K; ++k)
        if (selects(Mask, k)) column += block_sizes<Blocks>[k];
    return column;
}
/// Block K's columns of the rows into its matrix, if Mask has the block and its pointer is not
/// null. Sizes and columns are constants: with a loop over the blocks at run time GCC 12 saw the
/// columns of a block left out of Mask read past the rows (-Waggressive-loop-optimizations).
template <std::size_t Mask, class Blocks, std::size_t K, class U, class T, std::size_t M, std::size_t C>
[[gnu::always_inline]] constexpr void write_block(U* const* blocks, std::array<std::array<T, C>, M> const& rows) {
    if constexpr (selects(Mask, K)) {
        constexpr std::size_t size = block_sizes<Blocks>[K], column = block_column<Mask, Blocks, K>();
        static_assert(column + size <= C, "leibniz internal: a block's columns lie within the rows");
        if (U* const out = blocks[K]; out != nullptr)
            for (std::size_t r = 0; r < M; ++r)
                for (std::size_t c = 0; c < size; ++c) out[r * size + c] = rows[r][column + c];
    }
}
/// Rows by the variables of the blocks in Mask, each block's columns into its matrix (a block
/// of Mask whose pointer is null, in the undispatched case, is skipped).
template <std::size_t Mask, class Blocks, class U, class T, std::size_t M, std::size_t C, std::size_t... K>
[[gnu::always_inline]] constexpr void write_blocks_of(U* const* blocks, std::array<std::array<T, C>, M> const& rows,
                                                      std::index_sequence<K...>) {
    (write_block<Mask, Blocks, K>(blocks, rows), ...);
}
template <std::size_t Mask, class Blocks, class U, class T, std::size_t M, std::size_t C>
[[gnu::always_inline]] constexpr void write_blocks(U* const* blocks, std::array<std::array<T, C>, M> const& rows) {
    write_blocks_of<Mask, Blocks>(blocks, rows, std::make_index_sequence<block_sizes<Blocks>.size()>{});
}

/// Calls sweep.template operator()<Mask>() for the Mask equal to mask (one of 1 ... 2^K - 1,
/// each a different set of reverse sweeps); nothing for mask 0.
template <std::size_t Count, class Sweep, std::size_t... M>
[[gnu::always_inline]] constexpr void dispatch_blocks(std::size_t mask, Sweep const& sweep, std::index_sequence<M...>) {
    [[maybe_unused]] bool const done = ((mask == M + 1 && (sweep.template operator()<M + 1>(), true)) || ...);
}
template <std::size_t Count, class Sweep>
[[gnu::always_inline]] constexpr void for_wanted_blocks(std::size_t mask, Sweep const& sweep) {
    if constexpr (Count <= max_dispatched_blocks) {
        dispatch_blocks<Count>(mask, sweep, std::make_index_sequence<(std::size_t{1} << Count) - 1>{});
    } else if (mask != 0) {
        sweep.template operator()<every_block>();
    }
}

}  // namespace leibniz::detail
