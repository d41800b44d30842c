#pragma once
// Every public concept, in one place, below every other leibniz header but the number facts
// (detail/number.hpp): what a number is (Scalar, NumberLike, Number), what an expression is
// (StaticExpression, Expression, RationalConstant, Condition, Closed, Symbolic), what the
// functions and operators take (Argument, FunctionArgument), and what one differentiates by (Variable,
// DifferentiationTarget). The traits they read are declared here and defined, or specialized,
// beside the types they describe (expression.hpp, detail/combine.hpp, family.hpp, gradient.hpp);
// a concept is checked where it is used, when those headers are there.
#include <concepts>
#include <type_traits>

#include "detail/number.hpp"

namespace leibniz {

namespace tape {
class var;  // tape/recording.hpp
}  // namespace tape

namespace detail {
struct node_tag {};                                              // the base of every node (expression.hpp's node)
struct condition_tag {};                                         // the base of conditions: comparisons, && || !, truth
template <class T> struct is_with_numbers : std::false_type {};  // with_numbers: an expression with plain numbers
template <class T> struct is_constant : std::false_type {};      // constant<R>
template <class T> struct tree_of { using type = T; };           // the tree of an expression with numbers
template <class T> struct is_variable;                           // var<Name, I>: detail/combine.hpp
template <class T> struct is_closed;                             // no variable, no plain number: detail/combine.hpp
template <class T> struct target_variables {
    using type = void;
};  // var: itself; var_array: its members (gradient.hpp)
}  // namespace detail

// ---- numbers ---------------------------------------------------------------------------------

/// A plain number the library can evaluate in: float, double, long double, integers, std::complex.
template <class T>
concept Scalar = (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) || detail::is_complex<T>::value;

/// A number class of the user's that the library evaluates and differentiates in, bound to a
/// variable as a plain number is (f(x = lanes)); gradients come back in it:
///   - lanes of several points at once, std::experimental::simd<double>: one sweep, 4 or 8 points;
///   - Ceres' Jet: forward over reverse (a gradient of Jets is a Hessian-vector product);
///   - an interval, a double-double, a dual number of your own.
/// It is made from its element type (value_type, Scalar, else double: T(0.5)) and from int
/// (T(1)), has + - * / and unary -, and its functions (sin(t), exp(t), ...) are found by
/// argument-dependent lookup, as std::sin is for double. Comparisons give a bool (branches and
/// select then work as on doubles) or a mask per lane, which the library chooses by with
/// where(mask, t) = u, found by argument-dependent lookup (std::experimental::where). Inside an
/// expression a plain number is a built-in one: x * lanes is refused; bind the lanes to a variable.
template <class T>
concept NumberLike =
    detail::is_number_class<T> && !std::is_base_of<detail::node_tag, T>::value && !detail::is_with_numbers<T>::value &&
    !std::is_same_v<T, tape::var> && requires(T const& a, T const& b, T& c, detail::element_t<T> const& e) {
    T(e);
    T(1);
    { a + b } -> std::convertible_to<T>;
    { a - b } -> std::convertible_to<T>;
    { a* b } -> std::convertible_to<T>;
    { a / b } -> std::convertible_to<T>;
    { -a } -> std::convertible_to<T>;
    c += b;
};

/// What a variable can be bound to and the engines compute in: a plain number or a NumberLike.
template <class T>
concept Number = Scalar<T> || NumberLike<T>;

// ---- expressions -----------------------------------------------------------------------------

/// An empty expression type: everything about it is in its type.
template <class T>
concept StaticExpression =
    std::is_base_of<detail::node_tag, std::remove_cvref_t<T>>::value && std::is_empty<std::remove_cvref_t<T>>::value;

/// Anything the symbolic engine accepts as an expression.
template <class T>
concept Expression = StaticExpression<T> || detail::is_with_numbers<std::remove_cvref_t<T>>::value;

/// A compile-time rational constant.
template <class T>
concept RationalConstant = detail::is_constant<std::remove_cvref_t<T>>::value;

/// A condition: a comparison (x > 0_c, x <= y), or conditions joined by && || !; the first
/// argument of select.
template <class T>
concept Condition =
    Expression<T> && std::derived_from<typename detail::tree_of<std::remove_cvref_t<T>>::type, detail::condition_tag>;

/// An expression without variables or plain numbers (3_c, pi_c, sin(2_c)): a number known
/// at compile time. Mixed with a plain number it gives a plain number: 0.5_c * 3.0 == 1.5.
template <class T>
concept Closed = StaticExpression<T> && detail::is_closed<T>::value;

/// An expression that still depends on a variable.
template <class T>
concept Symbolic = Expression<T> && !Closed<T>;

/// What the library's functions and operators accept as an argument: a condition is not one
/// (it is 1 or 0, but x + (x > 0_c) is more often a slip than an Iverson bracket; write
/// select(x > 0_c, 1_c, 0_c)).
template <class T>
concept Argument = (Expression<T> && !Condition<T>) || Number<T>;

/// What the elementary functions (sin, atan2, lgamma, a leibniz::function, ...) accept: an
/// Argument, or a tape::var, which they record on the tape (detail/apply.hpp). The operators take
/// Arguments only: the tape has its own (tape/operators.hpp).
template <class T>
concept FunctionArgument = Argument<T> || std::same_as<std::remove_cvref_t<T>, tape::var>;

/// The base of tape::var: being in namespace leibniz, it makes argument-dependent lookup of
/// sin(v) for a tape::var v find the one front-end of each function (functions.hpp).
struct found_by_leibniz_lookup {};

// ---- what one differentiates by --------------------------------------------------------------

/// A single variable: var<"x">, or one member w[3_c] of a family.
template <class T>
concept Variable = detail::is_variable<std::remove_cvref_t<T>>::value;

/// What gradient, jacobian and hessian differentiate by: a variable (x, w[3_c]) or a family (w).
template <class T>
concept DifferentiationTarget = !std::is_void_v<typename detail::target_variables<std::remove_cvref_t<T>>::type>;

}  // namespace leibniz
