#pragma once
// The elementary functions, found by argument-dependent lookup so that generic code
// (using std::sin; sin(x * y)) works with doubles, leibniz expressions and tape variables.
// Each one forwards to its rule in rules.hpp: with expressions it builds call<Rule, ...>,
// with plain numbers it computes Rule::value.
#include <cmath>
#include <type_traits>

#include "detail/combine.hpp"
#include "expression.hpp"

namespace leibniz {

namespace rules {
struct exp_fn; struct expm1_fn; struct log_fn; struct log1p_fn;
struct sin_fn; struct cos_fn; struct tan_fn; struct asin_fn; struct acos_fn; struct atan_fn; struct atan2_fn;
struct sinh_fn; struct cosh_fn; struct tanh_fn;
struct sigmoid_fn; struct softplus_fn; struct relu_fn; struct abs_fn; struct sign_fn; struct heaviside_fn;
struct erf_fn; struct where_nonnegative_fn;
struct log2_fn; struct log10_fn; struct exp2_fn; struct asinh_fn; struct acosh_fn; struct atanh_fn; struct erfc_fn;
struct floor_fn; struct ceil_fn; struct round_fn; struct trunc_fn; struct hypot_fn; struct min_fn; struct max_fn; struct pow_fn;
}  // namespace rules

namespace detail {
template <class T> using scalar_result_t = std::conditional_t<std::is_integral_v<T>, double, T>;
template <class... Args> inline constexpr bool any_symbolic = (Symbolic<Args> || ...);
template <class... Args> inline constexpr bool all_static = (StaticExpression<Args> && ...);

template <class Rule> struct make_call_of {
    template <class... Args> using type = make_call_t<Rule, Args...>;
};

// A plain number, or a closed expression (3_c, pi_c), as a number of type T.
template <class T, class X> constexpr T numeric_value(X const& x) {
    if constexpr (Scalar<X>) return static_cast<T>(x);
    else return static_cast<T>(x());
}
// The type a numeric computation runs in: the common type of the plain numbers among the
// operands; a closed expression such as 0.5_c takes the other operand's type.
struct no_number_yet {};
template <class T, class A> struct widen_by { using type = T; };
template <Scalar A> struct widen_by<no_number_yet, A> { using type = scalar_result_t<A>; };
template <class T, Scalar A> struct widen_by<T, A> { using type = std::common_type_t<T, scalar_result_t<A>>; };
template <class T, class... Args> struct numeric_type { using type = std::conditional_t<std::is_same_v<T, no_number_yet>, double, T>; };
template <class T, class A, class... Rest> struct numeric_type<T, A, Rest...> : numeric_type<typename widen_by<T, A>::type, Rest...> {};
template <class... Args> using numeric_type_t = typename numeric_type<no_number_yet, Args...>::type;
}  // namespace detail

/// Rule applied to arguments: a node of the expression if any argument is an expression,
/// otherwise the number Rule::value(args...).
template <class Rule, Argument... Args> constexpr auto apply(Args const&... args) {
    if constexpr (detail::any_symbolic<Args...> || detail::all_static<Args...>)
        return detail::combine<detail::make_call_of<Rule>::template type>(args...);
    else {
        using T = detail::numeric_type_t<Args...>;
        return Rule::value(detail::numeric_value<T>(args)...);
    }
}

// sqrt, cbrt, square are powers, so that sqrt(x) * sqrt(x) = x; cbrt is the real cube root.
template <Argument X, Argument E> constexpr auto pow(X const& x, E const& e);
template <Argument X> constexpr auto sqrt(X const& x);
template <Argument X> constexpr auto cbrt(X const& x);
template <Argument X> constexpr auto square(X const& x);

/// e^x                                     exp(x)
template <Argument X> constexpr auto exp(X const& x) { return apply<rules::exp_fn>(x); }
/// e^x - 1, accurate near 0                expm1(x)
template <Argument X> constexpr auto expm1(X const& x) { return apply<rules::expm1_fn>(x); }
/// natural logarithm                       log(x)
template <Argument X> constexpr auto log(X const& x) { return apply<rules::log_fn>(x); }
/// log(1 + x), accurate near 0             log1p(x)
template <Argument X> constexpr auto log1p(X const& x) { return apply<rules::log1p_fn>(x); }
/// base-2 logarithm                        log2(x)
template <Argument X> constexpr auto log2(X const& x) { return apply<rules::log2_fn>(x); }
/// base-10 logarithm                       log10(x)
template <Argument X> constexpr auto log10(X const& x) { return apply<rules::log10_fn>(x); }
/// 2^x                                     exp2(x)
template <Argument X> constexpr auto exp2(X const& x) { return apply<rules::exp2_fn>(x); }
/// sine                                    sin(x)
template <Argument X> constexpr auto sin(X const& x) { return apply<rules::sin_fn>(x); }
/// cosine                                  cos(x)
template <Argument X> constexpr auto cos(X const& x) { return apply<rules::cos_fn>(x); }
/// tangent                                 tan(x)
template <Argument X> constexpr auto tan(X const& x) { return apply<rules::tan_fn>(x); }
/// arcsine, x in [-1, 1]                   asin(x)
template <Argument X> constexpr auto asin(X const& x) { return apply<rules::asin_fn>(x); }
/// arccosine, x in [-1, 1]                 acos(x)
template <Argument X> constexpr auto acos(X const& x) { return apply<rules::acos_fn>(x); }
/// arctangent                              atan(x)
template <Argument X> constexpr auto atan(X const& x) { return apply<rules::atan_fn>(x); }
/// the angle of the point (x, y)           atan2(y, x)
template <Argument Y, Argument X> constexpr auto atan2(Y const& y, X const& x) { return apply<rules::atan2_fn>(y, x); }
/// hyperbolic sine                         sinh(x)
template <Argument X> constexpr auto sinh(X const& x) { return apply<rules::sinh_fn>(x); }
/// hyperbolic cosine                       cosh(x)
template <Argument X> constexpr auto cosh(X const& x) { return apply<rules::cosh_fn>(x); }
/// hyperbolic tangent                      tanh(x)
template <Argument X> constexpr auto tanh(X const& x) { return apply<rules::tanh_fn>(x); }
/// inverse hyperbolic sine                 asinh(x)
template <Argument X> constexpr auto asinh(X const& x) { return apply<rules::asinh_fn>(x); }
/// inverse hyperbolic cosine, x >= 1       acosh(x)
template <Argument X> constexpr auto acosh(X const& x) { return apply<rules::acosh_fn>(x); }
/// inverse hyperbolic tangent, |x| < 1     atanh(x)
template <Argument X> constexpr auto atanh(X const& x) { return apply<rules::atanh_fn>(x); }
/// 1 / (1 + e^-x)                          sigmoid(x)
template <Argument X> constexpr auto sigmoid(X const& x) { return apply<rules::sigmoid_fn>(x); }
/// log(1 + e^x)                            softplus(x)
template <Argument X> constexpr auto softplus(X const& x) { return apply<rules::softplus_fn>(x); }
/// max(x, 0); relu'(0) = 0                 relu(x)
template <Argument X> constexpr auto relu(X const& x) { return apply<rules::relu_fn>(x); }
/// |x|; abs'(0) = 0                        abs(x)
template <Argument X> constexpr auto abs(X const& x) { return apply<rules::abs_fn>(x); }
/// -1, 0 or 1 (the derivative of abs)      sign(x)
template <Argument X> constexpr auto sign(X const& x) { return apply<rules::sign_fn>(x); }
/// 1 for x > 0, else 0 (relu's derivative) heaviside(x)
template <Argument X> constexpr auto heaviside(X const& x) { return apply<rules::heaviside_fn>(x); }
/// the error function                      erf(x)
template <Argument X> constexpr auto erf(X const& x) { return apply<rules::erf_fn>(x); }
/// 1 - erf(x), accurate for large x        erfc(x)
template <Argument X> constexpr auto erfc(X const& x) { return apply<rules::erfc_fn>(x); }
/// the largest integer <= x; derivative 0 (also at the jumps)           floor(x)
template <Argument X> constexpr auto floor(X const& x) { return apply<rules::floor_fn>(x); }
/// the smallest integer >= x; derivative 0 (also at the jumps)          ceil(x)
template <Argument X> constexpr auto ceil(X const& x) { return apply<rules::ceil_fn>(x); }
/// the nearest integer, halves away from 0; derivative 0 (also at the jumps)   round(x)
template <Argument X> constexpr auto round(X const& x) { return apply<rules::round_fn>(x); }
/// x rounded toward 0; derivative 0 (also at the jumps)                 trunc(x)
template <Argument X> constexpr auto trunc(X const& x) { return apply<rules::trunc_fn>(x); }
/// 1 where x >= 0, NaN elsewhere: what sqrt(x) * sqrt(x) = x * where_nonnegative(x) keeps
template <Argument X> constexpr auto where_nonnegative(X const& x) { return apply<rules::where_nonnegative_fn>(x); }
/// sqrt(x^2 + y^2) without overflow        hypot(x, y)
template <Argument X, Argument Y> constexpr auto hypot(X const& x, Y const& y) { return apply<rules::hypot_fn>(x, y); }
/// the smaller; at a tie each side gets half the derivative    min(x, y)
template <Argument X, Argument Y> constexpr auto min(X const& x, Y const& y) { return apply<rules::min_fn>(x, y); }
/// the larger; at a tie each side gets half the derivative     max(x, y)
template <Argument X, Argument Y> constexpr auto max(X const& x, Y const& y) { return apply<rules::max_fn>(x, y); }

/// a b + c: on numbers std::fma (rounded once); on expressions the canonical a*b + c, so
/// fma(x, y, z) == x*y + z (evaluated as a product, then a sum)       fma(a, b, c)
template <Argument A, Argument B, Argument C> constexpr auto fma(A const& a, B const& b, C const& c) {
    if constexpr (detail::any_symbolic<A, B, C> || detail::all_static<A, B, C>) {
        if constexpr (Scalar<A> && Scalar<B>) {
            using T = detail::numeric_type_t<A, B>;  // two plain numbers: one runtime constant, never an int product
            return static_cast<T>(a) * static_cast<T>(b) + c;
        } else return a * b + c;
    } else {
        using T = detail::numeric_type_t<A, B, C>;
        T const u = detail::numeric_value<T>(a), v = detail::numeric_value<T>(b), w = detail::numeric_value<T>(c);
        if constexpr (detail::is_complex<T>::value) return u * v + w;  // std::fma is for real numbers
        else { using std::fma; return fma(u, v, w); }
    }
}

// Two operands of one expression type: more constrained than std::min<T>/std::max<T>, so generic
// code that says `using std::max; max(a, b)` still gets the expression when a and b share a type.
template <Expression E> constexpr auto min(E const& x, E const& y) { return apply<rules::min_fn>(x, y); }
template <Expression E> constexpr auto max(E const& x, E const& y) { return apply<rules::max_fn>(x, y); }

}  // namespace leibniz

#include "power.hpp"
#include "operators.hpp"
#include "rules.hpp"
