#pragma once
// + - * / between expressions, plain numbers and compile-time constants.
//   expression (op) anything       -> expression; plain numbers become runtime constants
//   closed (op) closed             -> expression folded at compile time (1_c / 2_c is c<1, 2>)
//   closed (op) plain number       -> plain number (0.5_c * 3.0 == 1.5), so rules and
//                                     generic code written with _c constants work on doubles
// a - b is a + (-1)*b and a / b is a * b^(-1): one sum node and one product node do it all.
#include <type_traits>

#include "detail/apply.hpp"
#include "detail/canonical.hpp"
#include "detail/combine.hpp"
#include "evaluate.hpp"
#include "expression.hpp"
#include "fwd.hpp"

namespace leibniz {
namespace detail {

template <class... Operands> struct make_difference;
template <class A, class B> struct make_difference<A, B> { using type = make_sum<A, make_product<minus_one, B>>; };
template <class... Operands> struct make_quotient;
template <class A, class B> struct make_quotient<A, B> { using type = make_product<A, make_power<B, minus_one>>; };
template <class... Operands> struct make_negation;
template <class A> struct make_negation<A> { using type = make_product<minus_one, A>; };

// The operations on plain numbers, as plus_numbers and its kin are, without <functional>
// (which brings about 20,000 lines into every translation unit with libstdc++ 12).
struct plus_numbers {
    template <class A, class B> constexpr auto operator()(A const& a, B const& b) const { return a + b; }
};
struct minus_numbers {
    template <class A, class B> constexpr auto operator()(A const& a, B const& b) const { return a - b; }
};
struct multiply_numbers {
    template <class A, class B> constexpr auto operator()(A const& a, B const& b) const { return a * b; }
};
struct divide_numbers {
    template <class A, class B> constexpr auto operator()(A const& a, B const& b) const { return a / b; }
};

template <class A, class B>
concept involves_expression = (Expression<A> || Expression<B>)&&Argument<A>&& Argument<B>;

/// Whether an operation builds an expression (a symbolic operand, or all compile-time
/// constants that fold) rather than computing a number (0.5_c * 3.0).
template <class A, class B>
concept builds_expression = any_symbolic<A, B> || all_static<A, B>;

template <class NumericOp, class A, class B> constexpr auto numeric_arithmetic(A const& a, B const& b) {
    using T = numeric_type_t<A, B>;
    return NumericOp{}(numeric_value<T>(a), numeric_value<T>(b));
}

}  // namespace detail

/// a + b
template <class A, class B>
requires detail::involves_expression<A, B>
constexpr auto operator+(A const& a, B const& b) {
    // the operator calls combine itself: each function between would be named after a and b
    if constexpr (detail::builds_expression<A, B>) return detail::combine<detail::make_sum_t>(a, b);
    else return detail::numeric_arithmetic<detail::plus_numbers>(a, b);
}
/// a - b
template <class A, class B>
requires detail::involves_expression<A, B>
constexpr auto operator-(A const& a, B const& b) {
    if constexpr (detail::builds_expression<A, B>) return detail::combine<detail::make_difference>(a, b);
    else return detail::numeric_arithmetic<detail::minus_numbers>(a, b);
}
/// a * b
template <class A, class B>
requires detail::involves_expression<A, B>
constexpr auto operator*(A const& a, B const& b) {
    if constexpr (detail::builds_expression<A, B>) return detail::combine<detail::make_product_t>(a, b);
    else return detail::numeric_arithmetic<detail::multiply_numbers>(a, b);
}
/// a / b
template <class A, class B>
requires detail::involves_expression<A, B>
constexpr auto operator/(A const& a, B const& b) {
    if constexpr (detail::builds_expression<A, B>) return detail::combine<detail::make_quotient>(a, b);
    else return detail::numeric_arithmetic<detail::divide_numbers>(a, b);
}
// An expression with something that is not a number: say so, instead of "no match for operator+"
// (a deduced return type, so that the sentence comes before the caller's use of the result).
template <class A, class B>
concept mixes_expression_with_non_number = (Expression<A> && !Argument<B> && !std::is_class_v<B>) ||
                                           (Expression<B> && !Argument<A> && !std::is_class_v<A>);

template <class A, class B>
requires mixes_expression_with_non_number<A, B>
constexpr auto refuse_non_number() {
    static_assert(detail::always_false<A>,
                  "leibniz: an expression can be combined only with expressions and plain numbers (float, double, "
                  "an integer); this operand is not a number (a pointer, a string literal, a bool?): "
                  "convert it to double, or make it a variable");
}
template <class A, class B>
requires mixes_expression_with_non_number<A, B>
constexpr auto operator+(A const&, B const&) { return refuse_non_number<A, B>(); }
template <class A, class B>
requires mixes_expression_with_non_number<A, B>
constexpr auto operator-(A const&, B const&) { return refuse_non_number<A, B>(); }
template <class A, class B>
requires mixes_expression_with_non_number<A, B>
constexpr auto operator*(A const&, B const&) { return refuse_non_number<A, B>(); }
template <class A, class B>
requires mixes_expression_with_non_number<A, B>
constexpr auto operator/(A const&, B const&) { return refuse_non_number<A, B>(); }

/// -a
template <Expression A> constexpr auto operator-(A const& a) { return detail::combine<detail::make_negation>(a); }
/// +a
template <Expression A> constexpr A operator+(A const& a) { return a; }

}  // namespace leibniz
