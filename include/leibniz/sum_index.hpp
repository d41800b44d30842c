#pragma once
// The index that sum<N> passes to its term, and arithmetic on it that stays at compile time:
// w[i + 1_c], w[i - 1_c], w[i * 2_c], w[i + j]. The index is a std::integral_constant (so it
// is also a plain number, as in a[i] or double(i)); its arithmetic with compile-time whole
// numbers gives another index, whose value the family checks against its size (family.hpp).
// i + 1 with a plain 1 is a run-time number: the 1 is a function argument, whose value no type
// carries, so it cannot choose a variable (var_array's operator[] says to write i + 1_c).
#include <cstddef>
#include <type_traits>

#include "detail/refusals.hpp"
#include "expression.hpp"
#include "rational.hpp"

namespace leibniz {

/// The compile-time index I of a term of sum<N>: std::integral_constant<std::size_t, I>, with
/// + - * by compile-time whole numbers (1_c) and other indices giving an index.
///     sum<4>([](auto i) { return w[i + 1_c] - w[i]; })   // w[1] - w[0] + ... + w[4] - w[3]
template <std::size_t I> struct sum_index : std::integral_constant<std::size_t, I> {};

namespace detail {

template <class T> inline constexpr bool is_sum_index = false;
template <std::size_t I> inline constexpr bool is_sum_index<sum_index<I>> = true;

/// An operand of index arithmetic: a sum_index, or a compile-time rational (which must be whole).
template <class T> inline constexpr bool is_index_operand = is_sum_index<T>;
template <rational R> inline constexpr bool is_index_operand<constant<R>> = true;

template <class T> inline constexpr long long operand_value = 0;
template <std::size_t I> inline constexpr long long operand_value<sum_index<I>> = static_cast<long long>(I);
template <rational R> inline constexpr long long operand_value<constant<R>> = static_cast<long long>(R.num);
template <class T> inline constexpr bool operand_is_whole = true;
template <rational R> inline constexpr bool operand_is_whole<constant<R>> = R.den == 1;

/// The index Value, refused with a sentence when an operand was not whole or Value is negative.
template <long long Value, bool Whole> constexpr auto checked_sum_index() {
    static_cast<void>(refuse_index_arithmetic<Value, Whole>{});
    return sum_index < (Whole && Value >= 0) ? static_cast<std::size_t>(Value) : 0 > {};
}

template <class A, class B>
concept index_arithmetic = (is_sum_index<A> || is_sum_index<B>)&&is_index_operand<A>&& is_index_operand<B>;

}  // namespace detail

/// i + k_c, k_c + i, i + j: the index of the sum of their values.
template <class A, class B>
requires detail::index_arithmetic<A, B>
constexpr auto operator+(A, B) {
    return detail::checked_sum_index < detail::operand_value<A> + detail::operand_value<B>,
           detail::operand_is_whole<A> && detail::operand_is_whole < B >> ();
}
/// i - k_c, i - j: refused when the difference is negative.
template <class A, class B>
requires detail::index_arithmetic<A, B>
constexpr auto operator-(A, B) {
    return detail::checked_sum_index < detail::operand_value<A> - detail::operand_value<B>,
           detail::operand_is_whole<A> && detail::operand_is_whole < B >> ();
}
/// i * k_c, k_c * i, i * j.
template <class A, class B>
requires detail::index_arithmetic<A, B>
constexpr auto operator*(A, B) {
    return detail::checked_sum_index < detail::operand_value<A> * detail::operand_value<B>,
           detail::operand_is_whole<A> && detail::operand_is_whole < B >> ();
}

}  // namespace leibniz
