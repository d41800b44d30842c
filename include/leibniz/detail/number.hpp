#pragma once
// What the engines need to know of a number type: whether it is complex, what it is made of,
// how a plain number becomes one, and how to choose between two of them where a condition
// holds. Besides float, double, long double and std::complex, a number can be a class of the
// user's (expression.hpp's NumberLike): lanes of several points at once
// (std::experimental::simd<double>), Ceres' Jet (forward over reverse), an interval type.
#include <concepts>
#include <string_view>
#include <type_traits>

#include "type_name.hpp"

namespace leibniz::detail {

// A complex number: std::complex<T> or a type of the same shape (a class template of a floating
// point T with real() and imag() giving T), recognised without <complex>, which would bring
// <sstream>, <istream> and <ostream> into every translation unit with libstdc++.
template <class T> struct is_complex : std::false_type {};
template <template <class> class C, class T>
requires std::floating_point<T> && requires(C<T> const& z) {
    typename C<T>::value_type;
    { z.real() } -> std::same_as<T>;
    { z.imag() } -> std::same_as<T>;
}
struct is_complex<C<T>> : std::true_type {};

/// The plain numbers a number type is made of: itself for a built-in type, value_type for
/// lanes and complex numbers (simd<double>, std::complex<double>), Scalar for Ceres' Jet and
/// Eigen's types, double for any other class.
template <class T> struct element_of { using type = double; };
template <class T>
requires std::is_arithmetic_v<T>
struct element_of<T> {
    using type = T;
};
template <class T>
requires(!std::is_arithmetic_v<T> && requires { typename T::value_type; }) struct element_of<T> {
    using type = typename T::value_type;
};
template <class T>
requires(
    !std::is_arithmetic_v<T> && !requires { typename T::value_type; } &&
    requires { typename T::Scalar; }) struct element_of<T> {
    using type = typename T::Scalar;
};
template <class T> using element_t = typename element_of<T>::type;

/// Whether T is a number class of the user's rather than a built-in or complex number.
template <class T> inline constexpr bool is_number_class = std::is_class_v<T> && !is_complex<T>::value;

/// A plain number (a rational's value, a number kept in an expression, a binding's double) as
/// a T. A class is made from its element type: simd<double> has no constructor from long double
/// or intmax_t (they do not convert to double without loss), only from double.
template <class T, class X> [[gnu::always_inline]] constexpr T to_number(X const& x) {
    if constexpr (std::is_same_v<T, X>) return x;
    else if constexpr (is_number_class<T> && std::is_arithmetic_v<X>) return T(static_cast<element_t<T>>(x));
    else return static_cast<T>(x);
}

/// Whether T holds several points at once: a number (made from an int; an expression is not,
/// and its comparisons are conditions) whose comparisons give a mask per lane
/// (std::experimental::simd_mask), not a bool.
template <class T>
concept has_lanes = std::is_constructible_v<T, int> && requires(T const& a) {
    a < a;
} && !requires(T const& a) {
    { a < a } -> std::convertible_to<bool>;
};

/// a where the condition holds, b elsewhere: the ternary for a bool; for lanes, per lane, by
/// the where(mask, value) = other that simd libraries define (found by argument-dependent
/// lookup). Both a and b are computed: callers give cheap operands, or branch on has_lanes.
template <class Mask, class T>
[[gnu::always_inline]] constexpr T choose(Mask const& condition, T const& a, T const& b) {
    if constexpr (std::is_convertible_v<Mask, bool>) return condition ? a : b;
    else {
        T chosen = b;
        where(condition, chosen) = a;
        return chosen;
    }
}

/// Whether a condition holds in every lane: the bool itself, or all_of(mask) (found by
/// argument-dependent lookup, std::experimental::all_of). A rule takes its cheap side when every
/// lane may (sigmoid' = y (1 - y) where x < 2 in all lanes) and the side that is right
/// everywhere otherwise.
template <class Mask> [[gnu::always_inline]] constexpr bool all_lanes(Mask const& condition) {
    if constexpr (std::is_convertible_v<Mask, bool>) return static_cast<bool>(condition);
    else return all_of(condition);
}

/// Whether lanes of type T give right numbers with this compiler. Clang with libstdc++'s
/// <experimental/simd> gets its AVX-512 code wrong: built with -march=native on an AVX-512
/// machine (or -mavx512f), Clang 14 and libstdc++ 12 compute sin(x) and where(mask, r) = ...
/// wrongly in native_simd<double>, fixed_size_simd<double, 4> and even simd_abi::__avx
/// (measured here at -O0 and -O2, without leibniz; GCC 12 is right, and Clang is right with
/// -mno-avx512f; later libstdc++ refuses to compile it: mattkretz/vir-simd#55,
/// root-project/root#22437). The type is recognised by its spelled name, so that no leibniz
/// header includes the simd one.
template <class T> constexpr bool lanes_computed_right() {
#if defined(__clang__) && defined(__AVX512F__)
    if constexpr (has_lanes<T>) return type_name<T>().find("std::experimental") == std::string_view::npos;
#endif
    return true;
}
template <class T> constexpr void refuse_lanes_computed_wrong() {
    static_assert(lanes_computed_right<T>(),
                  "leibniz: Clang with libstdc++'s std::experimental::simd computes wrong numbers when AVX-512 is "
                  "enabled (-march=native on an AVX-512 machine, -mavx512f), with or without leibniz; compile with "
                  "-mno-avx512f (or -march=x86-64-v3), or with GCC");
}

}  // namespace leibniz::detail
