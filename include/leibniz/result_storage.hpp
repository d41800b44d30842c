#pragma once
// Where into(...) writes a result: through a pointer to numbers or a std::span (row-major; a
// span's size checked, at compile time when static), through Ceres' double** (per block,
// detail/blocks.hpp), or into a container the library does not know, through the customization
// point result_storage<T> (eigen.hpp specializes it for Eigen's matrices, vectors and maps).
// A result is a matrix of Rows x Cols entries; a gradient and the values of outputs are one column.
#include <array>
#include <cstddef>
#include <span>
#include <stdexcept>
#include <string>
#include <type_traits>

#include "detail/blocks.hpp"
#include "expression.hpp"

namespace leibniz {

/// Customization point: storage of type T that into(out) writes into. A specialization has
///     static constexpr bool defined = true;
///     template <std::size_t Rows, std::size_t Cols, class Entry> static void write(T& out, Entry const& entry);
/// which writes entry(r, c) for r < Rows, c < Cols, checking out's size (or resizing it) first.
template <class T> struct result_storage { static constexpr bool defined = false; };

namespace detail {

/// The type of the numbers written through a pointer: a plain number type, not const.
template <class U>
concept Storage = Scalar<U> && !std::is_const_v<U>;

/// What into(...) keeps of an argument: a pointer to numbers (an array decays to one), a
/// std::span, Ceres' blocks as U* const*, or a pointer to a named container of result_storage
/// (a temporary one would be gone when the writer is called); void when refused.
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
template <class Argument, Storage U, std::size_t N>
struct storage_handle<Argument, U* const [N]> { using type = U* const*; };
// a span is a view: kept by value, whatever the argument's value category
template <class Argument, Storage U, std::size_t E> struct storage_handle<Argument, std::span<U, E>> {
    using type = std::span<U, E>;
};
template <class Argument, class T>
requires(result_storage<T>::defined&& std::is_lvalue_reference_v<Argument> &&
         !std::is_const_v<std::remove_reference_t<Argument>>) struct storage_handle<Argument, T> {
    using type = T*;
};
template <class Argument> using storage_handle_t = typename storage_handle<Argument>::type;

template <class T> inline constexpr bool is_span = false;
template <class U, std::size_t E> inline constexpr bool is_span<std::span<U, E>> = true;

template <class T> constexpr auto handle_of(T* pointer) { return pointer; }
template <class U, std::size_t E> constexpr auto handle_of(std::span<U, E> view) { return view; }
template <class T>
constexpr auto handle_of(T& container) requires(!std::is_pointer_v<T> && !is_span<std::remove_cv_t<T>>) {
    if constexpr (std::is_array_v<T>) return &container[0];
    else return &container;
}

template <class Out> inline constexpr bool is_blocks_handle = false;
template <class U> inline constexpr bool is_blocks_handle<U* const*> = true;

template <std::size_t Extent, std::size_t Size> struct refuse_span_size {
    static_assert(Extent == std::dynamic_extent || Extent == Size,
                  "leibniz: into(s) with a std::span of static extent: the extent must be the result's count of "
                  "numbers (a gradient of N: N; a Jacobian of M outputs by N variables: M * N, row-major; a Hessian "
                  "of N: N * N); or pass a span of dynamic extent, checked when written");
    using type = void;
};
/// into(...) where the call computes in a number class (simd lanes, Jets, a type of the
/// user's): plain-number storage cannot hold its results.
template <class Storage, class Result> struct refuse_number_class_into {
    static_assert(!(Scalar<Storage> && NumberLike<Result>),
                  "leibniz: into(...) writes plain numbers (double*, a span, Ceres' blocks), and this call computes "
                  "in a number class (simd lanes, a Jet, a type of your own): read its results from the returned "
                  "std::array instead (gradient(f, w)(w = lanes) gives one lane type per variable)");
    using type = void;
};
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_span_size(std::size_t size, std::size_t want) {
    throw std::invalid_argument("leibniz: into(s) with a std::span of " + std::to_string(size) +
                                " numbers for a result of " + std::to_string(want) +
                                ": pass a span of exactly the result's count (row-major)");
}
/// The span's data, after its size is checked against the result's (at compile time when static).
template <std::size_t Size, class U, std::size_t E> constexpr U* checked_data(std::span<U, E> out) {
    static_cast<void>(refuse_span_size<E, Size>{});
    if constexpr (E == std::dynamic_extent) {
        if (out.size() != Size) throw_span_size(out.size(), Size);
    }
    return out.data();
}

/// A matrix of rows into out: row-major through a pointer to numbers or a span, else through result_storage.
template <class U, class T, std::size_t M, std::size_t C>
[[gnu::always_inline]] constexpr void store(U* out, std::array<std::array<T, C>, M> const& rows) {
    static_cast<void>(refuse_number_class_into<std::remove_cv_t<U>, T>{});
    if constexpr (Scalar<U>) write_row_major(out, rows);
    else result_storage<U>::template write<M, C>(*out, [&](std::size_t r, std::size_t c) { return rows[r][c]; });
}
/// A column of values into out.
template <class U, class T, std::size_t N>
[[gnu::always_inline]] constexpr void store(U* out, std::array<T, N> const& values) {
    static_cast<void>(refuse_number_class_into<std::remove_cv_t<U>, T>{});
    if constexpr (Scalar<U>) {
        for (std::size_t i = 0; i < N; ++i) out[i] = values[i];
    } else {
        result_storage<U>::template write<N, 1>(*out, [&](std::size_t r, std::size_t) { return values[r]; });
    }
}
template <class U, std::size_t E, class T, std::size_t M, std::size_t C>
[[gnu::always_inline]] constexpr void store(std::span<U, E> out, std::array<std::array<T, C>, M> const& rows) {
    write_row_major(checked_data<M * C>(out), rows);
}
template <class U, std::size_t E, class T, std::size_t N>
[[gnu::always_inline]] constexpr void store(std::span<U, E> out, std::array<T, N> const& values) {
    store(checked_data<N>(out), values);
}

}  // namespace detail
}  // namespace leibniz
