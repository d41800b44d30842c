#pragma once
// The elementary functions, found by argument-dependent lookup so that generic code
// (using std::sin; sin(x * y)) works with doubles, leibniz expressions and tape variables.
// Each one forwards to its rule in rules.hpp: with expressions it builds call<Rule, ...>,
// with plain numbers it computes Rule::value (detail/apply.hpp). Declared in fwd.hpp, which the
// rules include; pow, sqrt, cbrt and square are in power.hpp.
#include <cmath>
#include <type_traits>

#include "detail/apply.hpp"
#include "detail/combine.hpp"
#include "evaluate.hpp"
#include "expression.hpp"
#include "fwd.hpp"
#include "operators.hpp"
#include "power.hpp"
#include "rules.hpp"

namespace leibniz {

/// e^x                                     exp(x)
template <FunctionArgument X> constexpr auto exp(X const& x) { return apply<rules::exp_fn>(x); }
/// e^x - 1, accurate near 0                expm1(x)
template <FunctionArgument X> constexpr auto expm1(X const& x) { return apply<rules::expm1_fn>(x); }
/// natural logarithm                       log(x)
template <FunctionArgument X> constexpr auto log(X const& x) { return apply<rules::log_fn>(x); }
/// log(1 + x), accurate near 0             log1p(x)
template <FunctionArgument X> constexpr auto log1p(X const& x) { return apply<rules::log1p_fn>(x); }
/// base-2 logarithm                        log2(x)
template <FunctionArgument X> constexpr auto log2(X const& x) { return apply<rules::log2_fn>(x); }
/// base-10 logarithm                       log10(x)
template <FunctionArgument X> constexpr auto log10(X const& x) { return apply<rules::log10_fn>(x); }
/// 2^x                                     exp2(x)
template <FunctionArgument X> constexpr auto exp2(X const& x) { return apply<rules::exp2_fn>(x); }
/// sine                                    sin(x)
template <FunctionArgument X> constexpr auto sin(X const& x) { return apply<rules::sin_fn>(x); }
/// cosine                                  cos(x)
template <FunctionArgument X> constexpr auto cos(X const& x) { return apply<rules::cos_fn>(x); }
/// tangent                                 tan(x)
template <FunctionArgument X> constexpr auto tan(X const& x) { return apply<rules::tan_fn>(x); }
/// arcsine, x in [-1, 1]                   asin(x)
template <FunctionArgument X> constexpr auto asin(X const& x) { return apply<rules::asin_fn>(x); }
/// arccosine, x in [-1, 1]                 acos(x)
template <FunctionArgument X> constexpr auto acos(X const& x) { return apply<rules::acos_fn>(x); }
/// arctangent                              atan(x)
template <FunctionArgument X> constexpr auto atan(X const& x) { return apply<rules::atan_fn>(x); }
/// the angle of the point (x, y)           atan2(y, x)
template <FunctionArgument Y, FunctionArgument X> constexpr auto atan2(Y const& y, X const& x) {
    return apply<rules::atan2_fn>(y, x);
}
/// hyperbolic sine                         sinh(x)
template <FunctionArgument X> constexpr auto sinh(X const& x) { return apply<rules::sinh_fn>(x); }
/// hyperbolic cosine                       cosh(x)
template <FunctionArgument X> constexpr auto cosh(X const& x) { return apply<rules::cosh_fn>(x); }
/// hyperbolic tangent                      tanh(x)
template <FunctionArgument X> constexpr auto tanh(X const& x) { return apply<rules::tanh_fn>(x); }
/// inverse hyperbolic sine                 asinh(x)
template <FunctionArgument X> constexpr auto asinh(X const& x) { return apply<rules::asinh_fn>(x); }
/// inverse hyperbolic cosine, x >= 1       acosh(x)
template <FunctionArgument X> constexpr auto acosh(X const& x) { return apply<rules::acosh_fn>(x); }
/// inverse hyperbolic tangent, |x| < 1     atanh(x)
template <FunctionArgument X> constexpr auto atanh(X const& x) { return apply<rules::atanh_fn>(x); }
/// 1 / (1 + e^-x)                          sigmoid(x)
template <FunctionArgument X> constexpr auto sigmoid(X const& x) { return apply<rules::sigmoid_fn>(x); }
/// log(1 + e^x)                            softplus(x)
template <FunctionArgument X> constexpr auto softplus(X const& x) { return apply<rules::softplus_fn>(x); }
/// max(x, 0); relu'(0) = 0                 relu(x)
template <FunctionArgument X> constexpr auto relu(X const& x) { return apply<rules::relu_fn>(x); }
/// |x|; abs'(0) = 0                        abs(x)
template <FunctionArgument X> constexpr auto abs(X const& x) { return apply<rules::abs_fn>(x); }
/// -1, 0 or 1 (the derivative of abs)      sign(x)
template <FunctionArgument X> constexpr auto sign(X const& x) { return apply<rules::sign_fn>(x); }
/// 1 for x > 0, else 0 (relu's derivative) heaviside(x)
template <FunctionArgument X> constexpr auto heaviside(X const& x) { return apply<rules::heaviside_fn>(x); }
/// the error function                      erf(x)
template <FunctionArgument X> constexpr auto erf(X const& x) { return apply<rules::erf_fn>(x); }
/// 1 - erf(x), accurate for large x        erfc(x)
template <FunctionArgument X> constexpr auto erfc(X const& x) { return apply<rules::erfc_fn>(x); }
/// the largest integer <= x; derivative 0 (also at the jumps)           floor(x)
template <FunctionArgument X> constexpr auto floor(X const& x) { return apply<rules::floor_fn>(x); }
/// the smallest integer >= x; derivative 0 (also at the jumps)          ceil(x)
template <FunctionArgument X> constexpr auto ceil(X const& x) { return apply<rules::ceil_fn>(x); }
/// the nearest integer, halves away from 0; derivative 0 (also at the jumps)   round(x)
template <FunctionArgument X> constexpr auto round(X const& x) { return apply<rules::round_fn>(x); }
/// x rounded toward 0; derivative 0 (also at the jumps)                 trunc(x)
template <FunctionArgument X> constexpr auto trunc(X const& x) { return apply<rules::trunc_fn>(x); }
/// 1 where x >= 0, NaN elsewhere: what sqrt(x) * sqrt(x) = x * where_nonnegative(x) keeps
template <FunctionArgument X> constexpr auto where_nonnegative(X const& x) {
    return apply<rules::where_nonnegative_fn>(x);
}
/// sqrt(x^2 + y^2) without overflow        hypot(x, y)
template <FunctionArgument X, FunctionArgument Y> constexpr auto hypot(X const& x, Y const& y) {
    return apply<rules::hypot_fn>(x, y);
}
/// the smaller; at a tie each side gets half the derivative    min(x, y)
template <FunctionArgument X, FunctionArgument Y> constexpr auto min(X const& x, Y const& y) {
    return apply<rules::min_fn>(x, y);
}
/// the larger; at a tie each side gets half the derivative     max(x, y)
template <FunctionArgument X, FunctionArgument Y> constexpr auto max(X const& x, Y const& y) {
    return apply<rules::max_fn>(x, y);
}

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
        else {
            using std::fma;
            return fma(u, v, w);
        }
    }
}

// Two operands of one expression type: more constrained than std::min<T>/std::max<T>, so generic
// code that says `using std::max; max(a, b)` still gets the expression when a and b share a type.
template <Expression E> constexpr auto min(E const& x, E const& y) { return apply<rules::min_fn>(x, y); }
template <Expression E> constexpr auto max(E const& x, E const& y) { return apply<rules::max_fn>(x, y); }

}  // namespace leibniz
