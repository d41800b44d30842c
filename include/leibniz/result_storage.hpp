#pragma once
// Where into(...) writes a result: through a pointer to numbers (row-major), through Ceres'
// double** (per block, detail/blocks.hpp), or into a container the library does not know,
// through the customization point result_storage<T> (eigen.hpp specializes it for Eigen's
// matrices, vectors and maps). A result is a matrix of Rows x Cols entries; a gradient and the
// values of outputs are one column.
#include <array>
#include <cstddef>
#include <type_traits>

#include "detail/blocks.hpp"
#include "expression.hpp"

namespace leibniz {

/// Customization point: storage of type T that into(out) writes into. A specialization has
///     static constexpr bool defined = true;
///     template <std::size_t Rows, std::size_t Cols, class Entry> static void write(T& out, Entry const& entry);
/// which writes entry(r, c) for r < Rows, c < Cols, checking out's size (or resizing it) first.
template <class T> struct result_storage {
    static constexpr bool defined = false;
};

namespace detail {

/// The type of the numbers written through a pointer: a plain number type, not const.
template <class U> concept Storage = Scalar<U> && !std::is_const_v<U>;

/// What into(...) keeps of an argument: a pointer to numbers (an array decays to one), Ceres'
/// blocks as U* const*, a pointer to a named container of result_storage; void when refused.
// (an array keeps its elements' const, which std::remove_cv would take off with its own)
template <class R> using without_top_const = std::conditional_t<std::is_array_v<R>, R, std::remove_cv_t<R>>;
template <class Argument, class T = without_top_const<std::remove_reference_t<Argument>>> struct storage_handle {
    using type = void;
};
template <class Argument, Storage U> struct storage_handle<Argument, U*> { using type = U*; };
template <class Argument, Storage U, std::size_t N> struct storage_handle<Argument, U[N]> { using type = U*; };
template <class Argument, Storage U> struct storage_handle<Argument, U**> { using type = U* const*; };
template <class Argument, Storage U> struct storage_handle<Argument, U* const*> { using type = U* const*; };
template <class Argument, Storage U, std::size_t N> struct storage_handle<Argument, U* [N]> { using type = U* const*; };
template <class Argument, Storage U, std::size_t N> struct storage_handle<Argument, U* const[N]> { using type = U* const*; };
template <class Argument, class T> requires(result_storage<T>::defined && std::is_lvalue_reference_v<Argument> &&
                                             !std::is_const_v<std::remove_reference_t<Argument>>)
struct storage_handle<Argument, T> { using type = T*; };
template <class Argument> using storage_handle_t = typename storage_handle<Argument>::type;

template <class T> constexpr auto handle_of(T* pointer) { return pointer; }
template <class T> constexpr auto handle_of(T& container) requires(!std::is_pointer_v<T>) {
    if constexpr (std::is_array_v<T>) return &container[0];
    else return &container;
}

template <class Out> inline constexpr bool is_blocks_handle = false;
template <class U> inline constexpr bool is_blocks_handle<U* const*> = true;

/// A matrix of rows into out: row-major through a pointer to numbers, else through result_storage.
template <class U, class T, std::size_t M, std::size_t C>
[[gnu::always_inline]] constexpr void store(U* out, std::array<std::array<T, C>, M> const& rows) {
    if constexpr (Scalar<U>) write_row_major(out, rows);
    else result_storage<U>::template write<M, C>(*out, [&](std::size_t r, std::size_t c) { return rows[r][c]; });
}
/// A column of values into out.
template <class U, class T, std::size_t N>
[[gnu::always_inline]] constexpr void store(U* out, std::array<T, N> const& values) {
    if constexpr (Scalar<U>) {
        for (std::size_t i = 0; i < N; ++i) out[i] = values[i];
    } else {
        result_storage<U>::template write<N, 1>(*out, [&](std::size_t r, std::size_t) { return values[r]; });
    }
}

}  // namespace detail
}  // namespace leibniz
