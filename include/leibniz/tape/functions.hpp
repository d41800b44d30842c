#pragma once
// The elementary functions on tape::vars, found by argument-dependent lookup, so that generic
// code (using std::sin; sin(x * y)) records. Every value and every local derivative is read
// from the rule table (rules.hpp) with plain doubles: no formula is written here a second time.
#include <cmath>
#include <concepts>
#include <cstddef>
#include <tuple>
#include <utility>

#include "../function.hpp"
#include "../functions.hpp"
#include "../literals.hpp"
#include "../power.hpp"
#include "../rules.hpp"
#include "operation.hpp"
#include "recording.hpp"

namespace leibniz::tape {
namespace detail {

/// Rule(x): y = Rule::value(x), dy/dx = Rule::derivative(x, y).
template <class Rule> var unary(var const& x) {
    double y = as_double(Rule::value(x.value()));
    return record(x, y, as_double(Rule::derivative(x.value(), y)));
}

/// Rule(a, b): y = Rule::value(a, b), {dy/da, dy/db} = Rule::partials(a, b, y).
template <class Rule, class A, class B> var binary(A const& a, B const& b) {
    double u = value_of(a), v = value_of(b);
    double y = as_double(Rule::value(u, v));
    auto [du, dv] = Rule::partials(u, v, y);
    return record(a, b, y, as_double(du), as_double(dv));
}

/// Rule(args...) for a rule of any arity (leibniz::function, function.hpp): y = Rule::value(args...)
/// and one partial per argument; one node, with a parent per recorded argument (a fan-in node,
/// recording.hpp, where there are more than two).
template <class Rule, class... Args> var record_rule(Args const&... args) {
    static_assert((operand<Args> && ...), "leibniz::tape: each argument of a function is a tape::var or a number");
    constexpr std::size_t arity = sizeof...(Args);
    if constexpr (arity == 1) return unary<Rule>(args...);
    else if constexpr (arity == 2) return binary<Rule>(args...);
    else {
        double const inputs[arity] = {value_of(args)...};
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            double const y = as_double(Rule::value(inputs[I]...));
            auto const given = Rule::partials(inputs[I]..., y);
            double const partials[arity] = {as_double(std::get<I>(given))...};
            // the recorded arguments (a number argument's partial goes nowhere)
            constexpr std::size_t recorded = (std::size_t{std::same_as<Args, var>} + ...);
            std::array<var const*, recorded> arguments{};
            double kept[recorded]{};
            std::size_t k = 0;
            auto const keep = [&]<class A>(A const& argument, double partial) {
                if constexpr (std::same_as<A, var>) {
                    arguments[k] = &argument;
                    kept[k++] = partial;
                }
            };
            (keep(args, partials[I]), ...);
            auto const [r, parents] = parents_in_one_recording(arguments);
            return access::make(y, push_fan_in(*r, y, recorded, parents.data(), kept), r->id);
        }
        (std::index_sequence_for<Args...>{});
    }
}

}  // namespace detail

/// e^x                                     exp(x)
inline var exp(var const& x) { return detail::unary<rules::exp_fn>(x); }
/// e^x - 1                                 expm1(x)
inline var expm1(var const& x) { return detail::unary<rules::expm1_fn>(x); }
/// natural logarithm                       log(x)
inline var log(var const& x) { return detail::unary<rules::log_fn>(x); }
/// log(1 + x)                              log1p(x)
inline var log1p(var const& x) { return detail::unary<rules::log1p_fn>(x); }
/// base-2 logarithm                        log2(x)
inline var log2(var const& x) { return detail::unary<rules::log2_fn>(x); }
/// base-10 logarithm                       log10(x)
inline var log10(var const& x) { return detail::unary<rules::log10_fn>(x); }
/// 2^x                                     exp2(x)
inline var exp2(var const& x) { return detail::unary<rules::exp2_fn>(x); }
/// sine                                    sin(x)
inline var sin(var const& x) { return detail::unary<rules::sin_fn>(x); }
/// cosine                                  cos(x)
inline var cos(var const& x) { return detail::unary<rules::cos_fn>(x); }
/// tangent                                 tan(x)
inline var tan(var const& x) { return detail::unary<rules::tan_fn>(x); }
/// arcsine                                 asin(x)
inline var asin(var const& x) { return detail::unary<rules::asin_fn>(x); }
/// arccosine                               acos(x)
inline var acos(var const& x) { return detail::unary<rules::acos_fn>(x); }
/// arctangent                              atan(x)
inline var atan(var const& x) { return detail::unary<rules::atan_fn>(x); }
/// hyperbolic sine                         sinh(x)
inline var sinh(var const& x) { return detail::unary<rules::sinh_fn>(x); }
/// hyperbolic cosine                       cosh(x)
inline var cosh(var const& x) { return detail::unary<rules::cosh_fn>(x); }
/// hyperbolic tangent                      tanh(x)
inline var tanh(var const& x) { return detail::unary<rules::tanh_fn>(x); }
/// inverse hyperbolic sine                 asinh(x)
inline var asinh(var const& x) { return detail::unary<rules::asinh_fn>(x); }
/// inverse hyperbolic cosine               acosh(x)
inline var acosh(var const& x) { return detail::unary<rules::acosh_fn>(x); }
/// inverse hyperbolic tangent              atanh(x)
inline var atanh(var const& x) { return detail::unary<rules::atanh_fn>(x); }
/// 1 / (1 + e^-x)                          sigmoid(x)
inline var sigmoid(var const& x) { return detail::unary<rules::sigmoid_fn>(x); }
/// log(1 + e^x)                            softplus(x)
inline var softplus(var const& x) { return detail::unary<rules::softplus_fn>(x); }
/// max(x, 0); relu'(0) = 0                 relu(x)
inline var relu(var const& x) { return detail::unary<rules::relu_fn>(x); }
/// |x|; abs'(0) = 0                        abs(x)
inline var abs(var const& x) { return detail::unary<rules::abs_fn>(x); }
/// -1, 0 or 1; derivative 0                sign(x)
inline var sign(var const& x) { return detail::unary<rules::sign_fn>(x); }
/// 1 for x > 0, else 0; derivative 0       heaviside(x)
inline var heaviside(var const& x) { return detail::unary<rules::heaviside_fn>(x); }
/// the error function                      erf(x)
inline var erf(var const& x) { return detail::unary<rules::erf_fn>(x); }
/// 1 - erf(x)                              erfc(x)
inline var erfc(var const& x) { return detail::unary<rules::erfc_fn>(x); }
/// largest integer <= x; derivative 0      floor(x)
inline var floor(var const& x) { return detail::unary<rules::floor_fn>(x); }
/// smallest integer >= x; derivative 0     ceil(x)
inline var ceil(var const& x) { return detail::unary<rules::ceil_fn>(x); }
/// nearest integer; derivative 0           round(x)
inline var round(var const& x) { return detail::unary<rules::round_fn>(x); }
/// x rounded toward 0; derivative 0        trunc(x)
inline var trunc(var const& x) { return detail::unary<rules::trunc_fn>(x); }
/// 1 for x >= 0, else NaN; derivative 0    where_nonnegative(x)
inline var where_nonnegative(var const& x) { return detail::unary<rules::where_nonnegative_fn>(x); }

/// the angle of the point (x, y)           atan2(y, x)
template <class Y, class X>
requires involves_var<Y, X> var atan2(Y const& y, X const& x) { return detail::binary<rules::atan2_fn>(y, x); }
/// sqrt(x^2 + y^2)                         hypot(x, y)
template <class X, class Y>
requires involves_var<X, Y> var hypot(X const& x, Y const& y) { return detail::binary<rules::hypot_fn>(x, y); }
/// the smaller; a tie gives each side half the derivative      min(x, y)
template <class X, class Y>
requires involves_var<X, Y> var min(X const& x, Y const& y) { return detail::binary<rules::min_fn>(x, y); }
/// the larger; a tie gives each side half the derivative       max(x, y)
template <class X, class Y>
requires involves_var<X, Y> var max(X const& x, Y const& y) { return detail::binary<rules::max_fn>(x, y); }
// Not templates, so that they beat std::min<T> and std::max<T> brought in by `using std::max;`
// in generic code (a template taking T const& twice would be the better match otherwise).
inline var min(var const& x, var const& y) { return detail::binary<rules::min_fn>(x, y); }
inline var max(var const& x, var const& y) { return detail::binary<rules::max_fn>(x, y); }

/// a b + c, its value rounded once (std::fma); recorded as the product a b and a sum, so that
/// each node keeps at most two operands         fma(a, b, c)
template <class A, class B, class C>
requires(operand<A>&& operand<B>&& operand<C> && (std::same_as<A, var> || std::same_as<B, var> ||
                                                  std::same_as<C, var>)) var fma(A const& a, B const& b, C const& c) {
    double const u = detail::value_of(a), v = detail::value_of(b), w = detail::value_of(c);
    double const y = std::fma(u, v, w);
    if constexpr (std::same_as<A, var> || std::same_as<B, var>) {
        var const product = detail::record(a, b, u * v, v, u);
        return detail::record(product, c, y, 1.0, 1.0);
    } else {
        return detail::record(c, y, 1.0);
    }
}

// A tape::var with a symbolic expression: refused with a sentence, as by the operators.
template <class A, class B>
requires mixes_var_and_expression<A, B>
auto atan2(A const& a, B const& b) { return leibniz::detail::refuse_tape_with_expression<var>(a, b); }
template <class A, class B>
requires mixes_var_and_expression<A, B>
auto hypot(A const& a, B const& b) { return leibniz::detail::refuse_tape_with_expression<var>(a, b); }
template <class A, class B>
requires mixes_var_and_expression<A, B>
auto min(A const& a, B const& b) { return leibniz::detail::refuse_tape_with_expression<var>(a, b); }
template <class A, class B>
requires mixes_var_and_expression<A, B>
auto max(A const& a, B const& b) { return leibniz::detail::refuse_tape_with_expression<var>(a, b); }
template <class A, class B>
requires mixes_var_and_expression<A, B>
auto pow(A const& a, B const& b) { return leibniz::detail::refuse_tape_with_expression<var>(a, b); }

/// x^e for a var or a number on either side; with an exact rational exponent (3_c, c<1, 3>)
/// the value is the exact rational power (the real cube root of a negative x included).
///     pow(x, y), pow(x, 2.5), pow(2.0, x), pow(x, c<1, 3>)
template <class X, class E>
requires involves_var<X, E> var pow(X const& x, E const& e) {
    if constexpr (std::same_as<E, var> && std::same_as<X, var>) {
        if (detail::access::at(x) == detail::access::at(e) &&
            detail::access::recording_of(x) == detail::access::recording_of(e)) {
            // pow(x, x): one partial, x^x (log x + 1), as the other engines (-infinity at 0, not NaN)
            double y = rules::pow_fn::value(x.value(), x.value());
            return detail::record(x, y,
                                  detail::as_double(rules::pow_fn::same_base_and_exponent_derivative(x.value(), y)));
        }
        return detail::binary<rules::pow_fn>(x, e);
    } else if constexpr (std::same_as<X, var>) {
        // A constant exponent: only the base's partial, so log(x) is never formed for x < 0.
        // x^0_c is the constant 1, as the canonical form makes it: derivative 0, also at x = 0
        if constexpr (RationalConstant<E>)
            if constexpr (E::value.num == 0) return detail::record(x, 1.0, 0.0);
        double y = detail::as_double(leibniz::pow(x.value(), e));
        return detail::record(x, y, detail::as_double(rules::pow_fn::base_partial(x.value(), e)));
    } else {
        double base = detail::as_double(x), y = rules::pow_fn::value(base, e.value());
        return detail::record(e, y, detail::as_double(rules::pow_fn::partials(base, e.value(), y).second));
    }
}
/// x^(1/2); sqrt'(0) = +infinity            sqrt(x)
inline var sqrt(var const& x) { return pow(x, c<1, 2>); }
/// the real cube root x^(1/3)              cbrt(x)
inline var cbrt(var const& x) { return pow(x, c<1, 3>); }
/// x^2                                     square(x)
inline var square(var const& x) { return pow(x, c<2>); }

}  // namespace leibniz::tape
