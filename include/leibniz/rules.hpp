#pragma once
// The rule table: every elementary function written down once. Each rule holds
//   name           how it prints (and its place in the canonical order)
//   value(x...)    its value on numbers (float, double, long double, std::complex)
//   derivative(x, y) / partials(a, b, y)
//                  its local derivative, given the argument(s) and y = value(...)
// Rules are written generically: called with expressions they return the derivative as an
// expression (the symbolic engine), called with numbers they return numbers (the compile-time
// reverse sweep and the runtime tape). Constants are exact (1_c), so no engine rounds them.
// exact(r) gives f(r) where it is rational, for the simplifier (sin 0 = 0);
// derivative_can_be_infinite, where the local derivative can be infinite or NaN at a finite
// argument (log'(0)), makes the reverse sweep give 0, as the tape does, where the adjoint is 0.
#include <cmath>
#include <cstdint>
#include <numbers>
#include <limits>
#include <type_traits>
#include <optional>
#include <string_view>
#include <utility>

#include "detail/refusals.hpp"
#include "expression.hpp"
#include "fwd.hpp"
#include "literals.hpp"

namespace leibniz::rules {

// rules named before their own definition, as another rule's derivative (sin' is cos)
struct cos_fn;
struct cosh_fn;
struct sigmoid_fn;
struct heaviside_fn;
struct sign_fn;

using leibniz::detail::is_complex;
// Lanes (std::experimental::simd<double>) compare to a mask, not a bool: a rule that branches on
// its argument chooses per lane (detail/number.hpp), computing both sides, or uses the side
// that is right everywhere where the other only saves time.
using leibniz::detail::all_lanes;
using leibniz::detail::choose;
using leibniz::detail::has_lanes;
// complex numbers are refused by relu, max, min, sign, heaviside, floor, ceil, round, trunc, erf,
// erfc and abs' (detail/refusals.hpp)
using leibniz::detail::complex_refusal;
using leibniz::detail::refuse_complex;

namespace detail_rules {
template <class X> constexpr auto zero_like(X const&) {
    if constexpr (Expression<X>) return 0_c;
    else return X(0);
}
constexpr std::optional<rational> maps_zero_to(rational x, rational y) {
    if (x.num == 0) return y;
    return std::nullopt;
}
// log 2 and log 10 as numbers of X's precision (complex numbers and lanes: of their elements)
template <class X> constexpr X number_ln2() { return X(std::numbers::ln2_v<leibniz::detail::element_t<X>>); }
template <class X> constexpr X number_ln10() { return X(std::numbers::ln10_v<leibniz::detail::element_t<X>>); }
// base^k for k >= 0, where it fits intmax_t
constexpr std::optional<std::intmax_t> integer_power(std::intmax_t base, std::intmax_t k) {
    std::intmax_t out = 1;
    for (std::intmax_t i = 0; i < k; ++i) {
        if (out > std::numeric_limits<std::intmax_t>::max() / base) return std::nullopt;
        out *= base;
    }
    return out;
}
// k where x = base^k exactly (k of either sign), for log2 and log10 of a rational
constexpr std::optional<rational> exact_log(std::intmax_t base, rational x) {
    if (x.num <= 0) return std::nullopt;
    std::intmax_t n = x.num, dd = x.den, k = 0;
    if (dd != 1 && n != 1) return std::nullopt;
    std::intmax_t m = dd == 1 ? n : dd;
    while (m % base == 0) {
        m /= base;
        ++k;
    }
    if (m != 1) return std::nullopt;
    return rational{dd == 1 ? k : -k, 1};
}
// sin and cos of numbers. libstdc++ 12's simd sin and cos reduce their argument wrongly beyond
// 2^31: sin(1e15) gives cos(1e15), sin(1e22) gives -6e70, sin(1e100) infinity (measured against
// libm over 400,000 arguments; every other simd function of libstdc++ 12 computes element by
// element with libm, and agrees). Lanes with any |x| >= 2^30 are computed lane by lane with
// std::sin and std::cos; a lanes type that cannot be built lane by lane keeps its own.
template <class X>
concept built_lane_by_lane = has_lanes<X> && requires(X const& x) {
    X([](auto) { return leibniz::detail::element_t<X>{}; });
    { x[0] } -> std::convertible_to<leibniz::detail::element_t<X>>;
};
// f(x), or f on each lane's element where libstdc++ would reduce |x| >= 2^30 wrongly; f finds
// sin or cos by argument-dependent lookup (std:: for the element, the simd library's for lanes)
template <class X, class F> constexpr X trigonometric(X const& x, F f) {
    if constexpr (built_lane_by_lane<X>) {
        using std::abs;
        if (!all_lanes(abs(x) < X(0x1p30)))
            return X([&](auto k) { return f(static_cast<leibniz::detail::element_t<X>>(x[k])); });
    }
    return X(f(x));
}
// sin and cos found by argument-dependent lookup, forced inline (the hot path of lanes)
struct sin_by_lookup {
    template <class T> [[gnu::always_inline]] constexpr auto operator()(T const& t) const {
        using std::sin;
        return sin(t);
    }
};
struct cos_by_lookup {
    template <class T> [[gnu::always_inline]] constexpr auto operator()(T const& t) const {
        using std::cos;
        return cos(t);
    }
};
template <class X> constexpr X sine(X const& x) { return trigonometric(x, sin_by_lookup{}); }
template <class X> constexpr X cosine(X const& x) { return trigonometric(x, cos_by_lookup{}); }
// floor(num/den) with den > 0
constexpr std::intmax_t floor_div(std::intmax_t num, std::intmax_t den) {
    std::intmax_t q = num / den;
    return (num % den != 0 && num < 0) ? q - 1 : q;
}
}  // namespace detail_rules

// log 2 and log 10, exact in symbolic derivatives (log2' = 1/(x log 2)): log of a rational
// that is not 1 stays a call, spelled as a type for the reason given for inverse_sqrt_pi below.
inline constexpr call<log_fn, constant<rational{2, 1}>> log_of_2{};
inline constexpr call<log_fn, constant<rational{10, 1}>> log_of_10{};

// 1/sqrt(pi) in canonical form, spelled as a type: a call pow(pi_c, ...) here would not depend
// on a template parameter, and Clang would resolve it before pow is defined.
inline constexpr power<named_constant<pi_tag>, constant<rational{-1, 2}>> inverse_sqrt_pi{};

struct exp_fn {
    static constexpr std::string_view name = "exp";
    static constexpr std::string_view latex = "\\exp";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {1, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::exp;
        return exp(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const&, Y const& y) { return y; }
};

struct expm1_fn {
    static constexpr std::string_view name = "expm1";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        if constexpr (is_complex<X>::value) {
            using std::exp;
            return exp(x) - X(1);
        } else {
            using std::expm1;
            return expm1(x);
        }
    }
    // expm1' = e^x, not y + 1, which is 0 where expm1(x) rounds to -1 (x < -37): relative accuracy;
    // lanes take y + 1 only where every lane may
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const& y) {
        using std::exp;
        if constexpr (Expression<X> || is_complex<X>::value) return exp(x);
        else if (all_lanes(!(x < X(-1)))) return y + X(1);  // y + 1 >= 1/e: no digit lost, no second exp
        else return exp(x);
    }
};

struct log_fn {
    static constexpr std::string_view name = "log";
    static constexpr std::string_view latex = "\\log";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    static constexpr std::optional<rational> exact(rational x) {
        if (x == rational{1, 1}) return rational{0, 1};
        return std::nullopt;
    }
    template <class X> static constexpr auto value(X const& x) {
        using std::log;
        return log(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return 1_c / x; }
};

struct log1p_fn {
    static constexpr std::string_view name = "log1p";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        if constexpr (is_complex<X>::value) {
            using std::log;
            return log(X(1) + x);
        } else {
            using std::log1p;
            return log1p(x);
        }
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return 1_c / (1_c + x); }
};

struct log2_fn {
    static constexpr std::string_view name = "log2";
    static constexpr std::string_view latex = "\\log_{2}";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    static constexpr auto exact(rational x) { return detail_rules::exact_log(2, x); }  // log2(8) = 3
    template <class X> static constexpr auto value(X const& x) {
        if constexpr (is_complex<X>::value) {
            using std::log;
            return log(x) / detail_rules::number_ln2<X>();
        } else {
            using std::log2;
            return log2(x);
        }
    }
    // log2' = 1/(x log 2), log 2 exact in the symbolic result; +infinity at 0
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        if constexpr (Expression<X>) return 1_c / (x * log_of_2);
        else return X(1) / (x * detail_rules::number_ln2<X>());
    }
};

struct log10_fn {
    static constexpr std::string_view name = "log10";
    static constexpr std::string_view latex = "\\log_{10}";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    static constexpr auto exact(rational x) { return detail_rules::exact_log(10, x); }  // log10(1/100) = -2
    template <class X> static constexpr auto value(X const& x) {
        using std::log10;
        return log10(x);
    }
    // log10' = 1/(x log 10), log 10 exact in the symbolic result; +infinity at 0
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        if constexpr (Expression<X>) return 1_c / (x * log_of_10);
        else return X(1) / (x * detail_rules::number_ln10<X>());
    }
};

struct exp2_fn {
    static constexpr std::string_view name = "exp2";
    // 2^k for an integer k, where it fits: exp2(3) = 8, exp2(-2) = 1/4
    static constexpr std::optional<rational> exact(rational x) {
        if (x.den != 1 || x.num > 62 || x.num < -62) return std::nullopt;
        auto p = detail_rules::integer_power(2, x.num < 0 ? -x.num : x.num);
        return x.num < 0 ? rational{1, *p} : rational{*p, 1};
    }
    template <class X> static constexpr auto value(X const& x) {
        if constexpr (is_complex<X>::value) {
            using std::exp;
            return exp(x * detail_rules::number_ln2<X>());
        } else {
            using std::exp2;
            return exp2(x);
        }
    }
    // exp2' = 2^x log 2, reusing the value
    template <class X, class Y> static constexpr auto derivative(X const&, Y const& y) {
        if constexpr (Expression<X>) return y * log_of_2;
        else return y * detail_rules::number_ln2<Y>();
    }
};

struct sin_fn {
    static constexpr std::string_view name = "sin";
    static constexpr std::string_view latex = "\\sin";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        if constexpr (has_lanes<X>) return detail_rules::sine(x);
        else {
            using std::sin;
            return sin(x);
        }
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        if constexpr (has_lanes<X>) return detail_rules::cosine(x);
        else return cos(x);
    }
};

struct cos_fn {
    static constexpr std::string_view name = "cos";
    static constexpr std::string_view latex = "\\cos";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {1, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        if constexpr (has_lanes<X>) return detail_rules::cosine(x);
        else {
            using std::cos;
            return cos(x);
        }
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        if constexpr (has_lanes<X>) return X(-detail_rules::sine(x));
        else return -sin(x);
    }
};

struct tan_fn {
    static constexpr std::string_view name = "tan";
    static constexpr std::string_view latex = "\\tan";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::tan;
        return tan(x);
    }
    // tan' = 1 + tan^2 (= sec^2), reusing the value
    template <class X, class Y> static constexpr auto derivative(X const&, Y const& y) { return 1_c + y * y; }
};

struct asin_fn {
    static constexpr std::string_view name = "asin";
    static constexpr std::string_view latex = "\\arcsin";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::asin;
        return asin(x);
    }
    // asin' = 1/sqrt(1 - x^2): +infinity at x = +-1
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return pow(1_c - x * x, c<-1, 2>);
    }
};

struct acos_fn {
    static constexpr std::string_view name = "acos";
    static constexpr std::string_view latex = "\\arccos";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    static constexpr std::optional<rational> exact(rational x) {
        if (x == rational{1, 1}) return rational{0, 1};
        return std::nullopt;
    }
    template <class X> static constexpr auto value(X const& x) {
        using std::acos;
        return acos(x);
    }
    // acos' = -1/sqrt(1 - x^2): -infinity at x = +-1
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return -pow(1_c - x * x, c<-1, 2>);
    }
};

struct atan_fn {
    static constexpr std::string_view name = "atan";
    static constexpr std::string_view latex = "\\arctan";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::atan;
        return atan(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return 1_c / (1_c + x * x); }
};

struct sinh_fn {
    static constexpr std::string_view name = "sinh";
    static constexpr std::string_view latex = "\\sinh";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::sinh;
        return sinh(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return cosh(x); }
};

struct cosh_fn {
    static constexpr std::string_view name = "cosh";
    static constexpr std::string_view latex = "\\cosh";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {1, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::cosh;
        return cosh(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return sinh(x); }
};

struct tanh_fn {
    static constexpr std::string_view name = "tanh";
    static constexpr std::string_view latex = "\\tanh";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::tanh;
        return tanh(x);
    }
    // tanh' = 1/cosh^2, not 1 - y^2, which is 0 where tanh(x) rounds to +-1 (|x| > 19): relative
    // accuracy; on numbers 1 - y^2 where it loses at most 4 bits (|x| < 2), one exp elsewhere
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const& y) {
        if constexpr (Expression<X>) return pow(cosh(x), c<-2>);
        else if constexpr (is_complex<X>::value) return X(1) - y * y;
        else {
            if (all_lanes(x < X(2) && x > X(-2))) return X(1) - y * y;  // lanes: where every lane may
            using std::exp, std::abs;                                   // abs, not fabs: Ceres' Jet has only abs
            X const t = exp(X(-2) * abs(x));                            // 4 e^(-2|x|) / (1 + e^(-2|x|))^2
            return X(4) * t / ((X(1) + t) * (X(1) + t));
        }
    }
};

struct asinh_fn {
    static constexpr std::string_view name = "asinh";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::asinh;
        return asinh(x);
    }
    // asinh' = 1/sqrt(1 + x^2), written 1/hypot(1, x): 1 + x^2 would overflow for |x| > 1e154
    // and give 0 where the derivative is 1/|x|
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        if constexpr (is_complex<X>::value) {
            using std::sqrt;
            return X(1) / sqrt(X(1) + x * x);
        } else return 1_c / hypot(1_c, x);
    }
};

struct acosh_fn {
    static constexpr std::string_view name = "acosh";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    static constexpr std::optional<rational> exact(rational x) {
        if (x == rational{1, 1}) return rational{0, 1};
        return std::nullopt;
    }
    template <class X> static constexpr auto value(X const& x) {
        using std::acosh;
        return acosh(x);
    }
    // acosh' = 1/sqrt(x^2 - 1), written (x - 1)^(-1/2) (x + 1)^(-1/2): exact x - 1 near 1, no
    // overflow of x^2 for large x; +infinity at 1, NaN below 1 (where acosh is NaN)
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return pow(x - 1_c, c<-1, 2>) * pow(x + 1_c, c<-1, 2>);
    }
};

struct atanh_fn {
    static constexpr std::string_view name = "atanh";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::atanh;
        return atanh(x);
    }
    // atanh' = 1/(1 - x^2), written 1/((1 - x)(1 + x)): exact 1 - x near 1; +infinity at +-1
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return 1_c / ((1_c - x) * (1_c + x));
    }
};

struct sigmoid_fn {
    static constexpr std::string_view name = "sigmoid";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {1, 2}); }
    // Never exponentiates a large positive number: finite and accurate for any real x.
    template <class X> static constexpr auto value(X const& x) {
        using std::exp;
        if constexpr (is_complex<X>::value) return X(1) / (X(1) + exp(-x));
        else if constexpr (has_lanes<X>) {  // e = e^(-|x|) <= 1: 1/(1 + e) for x >= 0, e/(1 + e) below
            using std::abs;
            X const e = exp(-abs(x)), r = X(1) / (X(1) + e);
            return choose(x >= X(0), r, X(e * r));
        } else if (x >= X(0)) return X(1) / (X(1) + exp(-x));
        else {
            X e = exp(x);
            return e / (X(1) + e);
        }
    }
    // sigmoid' = sigmoid(x) sigmoid(-x), not y (1 - y), which is 0 where y rounds to 1 (x > 37):
    // relative accuracy; on numbers y (1 - y) where 1 - y > 0.1 (x < 2), one exp elsewhere
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const& y) {
        if constexpr (Expression<X>) return y * sigmoid(-x);
        else if constexpr (is_complex<X>::value) return y * (X(1) - y);
        else if (all_lanes(x < X(2))) return y * (X(1) - y);  // lanes: where every lane may
        else return y * value(X(-x));
    }
};

struct softplus_fn {
    static constexpr std::string_view name = "softplus";
    // log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow for large x, no loss for very negative x.
    template <class X> static constexpr auto value(X const& x) {
        using std::exp, std::log;
        if constexpr (is_complex<X>::value) return log(X(1) + exp(x));
        else {
            using std::log1p, std::abs;
            return choose(x > X(0), x, X(0)) + log1p(exp(-abs(x)));
        }
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return sigmoid(x); }
};

struct relu_fn {
    static constexpr std::string_view name = "relu";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::unordered, relu_fn>(x);
    }
    static constexpr std::optional<rational> exact(rational x) { return x.num > 0 ? x : rational{0, 1}; }
    // NaN in, NaN out (x > 0 ? x : 0 would make relu(NaN) = 0)
    template <class X> static constexpr auto value(X const& x) { return choose(x < X(0), X(0), x); }
    // relu'(0) = 0, as in PyTorch and TensorFlow
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return heaviside(x); }
};

struct abs_fn {
    static constexpr std::string_view name = "abs";
    template <class X, class Y>
    requires is_complex<X>::value static constexpr auto derivative(X const& x, Y const&) {
        return refuse_complex<complex_refusal::not_holomorphic, abs_fn>(x);
    }
    static constexpr std::optional<rational> exact(rational x) { return x.num < 0 ? -x : x; }
    template <class X> static constexpr auto value(X const& x) {
        if constexpr (is_complex<X>::value) {
            using std::abs;
            return X(abs(x));
        } else return choose(x < X(0), X(-x), x);
    }
    // abs'(0) = sign(0) = 0
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return sign(x); }
};

struct sign_fn {
    static constexpr std::string_view name = "sign";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::unordered, sign_fn>(x);
    }
    static constexpr std::optional<rational> exact(rational x) { return rational{(x.num > 0) - (x.num < 0), 1}; }
    template <class X> static constexpr auto value(X const& x) {  // NaN: NaN
        if constexpr (has_lanes<X>) return choose(x != x, x, choose(X(0) < x, X(1), choose(x < X(0), X(-1), X(0))));
        else return x != x ? x : X((X(0) < x) - (x < X(0)));
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return detail_rules::zero_like(x);
    }
};

struct heaviside_fn {
    static constexpr std::string_view name = "heaviside";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::unordered, heaviside_fn>(x);
    }
    static constexpr std::optional<rational> exact(rational x) { return rational{x.num > 0, 1}; }
    template <class X> static constexpr auto value(X const& x) {  // NaN: NaN
        if constexpr (has_lanes<X>) return choose(x != x, x, choose(x > X(0), X(1), X(0)));
        else return x != x ? x : X(x > X(0));
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return detail_rules::zero_like(x);
    }
};

// floor, ceil, round, trunc: piecewise constant, so their derivative is 0 wherever it exists;
// at a jump (an integer, for round a half-integer) it does not exist and every engine gives 0,
// as for sign and heaviside.
struct floor_fn {
    static constexpr std::string_view name = "floor";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::unordered, floor_fn>(x);
    }
    static constexpr std::optional<rational> exact(rational x) {
        return rational{detail_rules::floor_div(x.num, x.den), 1};
    }
    template <class X> static constexpr auto value(X const& x) {
        using std::floor;
        return floor(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return detail_rules::zero_like(x);
    }
};

struct ceil_fn {
    static constexpr std::string_view name = "ceil";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::unordered, ceil_fn>(x);
    }
    static constexpr std::optional<rational> exact(rational x) {
        return rational{-detail_rules::floor_div(-x.num, x.den), 1};
    }
    template <class X> static constexpr auto value(X const& x) {
        using std::ceil;
        return ceil(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return detail_rules::zero_like(x);
    }
};

struct round_fn {
    static constexpr std::string_view name = "round";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::unordered, round_fn>(x);
    }
    // halves away from zero, as std::round: round(5/2) = 3, round(-5/2) = -3
    static constexpr std::optional<rational> exact(rational x) {
        std::intmax_t const n = x.num < 0 ? -x.num : x.num, rest = n % x.den;
        std::intmax_t const magnitude = n / x.den + (rest >= x.den - rest ? 1 : 0);  // rest/den >= 1/2, without 2 rest
        return rational{x.num < 0 ? -magnitude : magnitude, 1};
    }
    template <class X> static constexpr auto value(X const& x) {
        using std::round;
        return round(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return detail_rules::zero_like(x);
    }
};

struct trunc_fn {
    static constexpr std::string_view name = "trunc";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::unordered, trunc_fn>(x);
    }
    static constexpr std::optional<rational> exact(rational x) { return rational{x.num / x.den, 1}; }  // toward zero
    template <class X> static constexpr auto value(X const& x) {
        using std::trunc;
        return trunc(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return detail_rules::zero_like(x);
    }
};

struct erf_fn {
    static constexpr std::string_view name = "erf";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::not_in_std, erf_fn>(x);
    }
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::erf;
        return erf(x);
    }
    // erf' = 2/sqrt(pi) e^(-x^2), with pi exact in the symbolic result
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return exp(-(x * x)) * 2_c * inverse_sqrt_pi;
    }
};

struct erfc_fn {
    static constexpr std::string_view name = "erfc";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::not_in_std, erfc_fn>(x);
    }
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {1, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::erfc;
        return erfc(x);
    }
    // erfc' = -2/sqrt(pi) e^(-x^2), with pi exact in the symbolic result; c<-2>, not -2_c: a
    // unary minus that depends on no template parameter is looked up here, before operators.hpp
    // declares it when a header includes functions.hpp first (Clang)
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return exp(-(x * x)) * c<-2> * inverse_sqrt_pi;
    }
};

/// 1 where x >= 0, NaN elsewhere (also at NaN): the domain of an even root that a merge of
/// powers would lose, sqrt(x) * sqrt(x) = x * where_nonnegative(x) (canonical.hpp). It is
/// constant where it is defined, so its derivative is 0 there. Complex numbers have every root:
/// 1 for them.
struct where_nonnegative_fn {
    static constexpr std::string_view name = "where_nonnegative";
    static constexpr std::optional<rational> exact(rational x) {
        if (x.num >= 0) return rational{1, 1};
        return std::nullopt;  // sqrt(-1_c) * sqrt(-1_c) is -where_nonnegative(-1), NaN, not -1
    }
    template <class X> static constexpr auto value(X const& x) {
        if constexpr (is_complex<X>::value) return X(1);
        else return choose(x >= X(0), X(1), X(std::numeric_limits<leibniz::detail::element_t<X>>::quiet_NaN()));
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return detail_rules::zero_like(x);
    }
};

// ---- two arguments: partials(a, b, y) returns {dy/da, dy/db} ----------------------------

struct atan2_fn {
    static constexpr std::string_view name = "atan2";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    template <class A, class B> static constexpr auto value(A const& a, B const& b) {
        using std::atan2;
        return atan2(a, b);
    }
    // atan2(a, b): d/da = b/(a^2 + b^2), d/db = -a/(a^2 + b^2); NaN at the origin
    template <class A, class B, class Y> static constexpr auto partials(A const& a, B const& b, Y const&) {
        auto r2 = a * a + b * b;
        return std::pair{b / r2, -a / r2};
    }
};

struct hypot_fn {
    static constexpr std::string_view name = "hypot";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    static constexpr bool symmetric = true;
    template <class A, class B> static constexpr auto value(A const& a, B const& b) {
        using std::hypot;
        return hypot(a, b);
    }
    // d/da = a/hypot, d/db = b/hypot; NaN at the origin
    template <class A, class B, class Y> static constexpr auto partials(A const& a, B const& b, Y const& y) {
        return std::pair{a / y, b / y};
    }
};

struct max_fn {
    static constexpr std::string_view name = "max";
    template <class A, class B>
    requires(is_complex<A>::value || is_complex<B>::value) static constexpr auto value(A const& a, B const& b) {
        return refuse_complex<complex_refusal::unordered, max_fn>(a + b);
    }
    static constexpr bool symmetric = true;
    static constexpr bool idempotent = true;
    static constexpr std::optional<rational> exact(rational a, rational b) { return a < b ? b : a; }
    // NaN if either is NaN, whatever the order (a < b ? b : a alone gives max(1, NaN) = 1, max(NaN, 1) = NaN)
    template <class A, class B> static constexpr auto value(A const& a, B const& b) {
        if constexpr (has_lanes<A>) return choose(b != b || a < b, b, a);
        else return b != b || a < b ? b : a;
    }
    // d/da = (1 + sign(a - b))/2: 1 where a wins, 0 where b wins, 1/2 each at a tie, so max(x, x)' = 1
    template <class A, class B, class Y> static constexpr auto partials(A const& a, B const& b, Y const&) {
        return std::pair{(1_c + sign(a - b)) / 2_c, (1_c + sign(b - a)) / 2_c};
    }
};

struct min_fn {
    static constexpr std::string_view name = "min";
    template <class A, class B>
    requires(is_complex<A>::value || is_complex<B>::value) static constexpr auto value(A const& a, B const& b) {
        return refuse_complex<complex_refusal::unordered, min_fn>(a + b);
    }
    static constexpr bool symmetric = true;
    static constexpr bool idempotent = true;
    static constexpr std::optional<rational> exact(rational a, rational b) { return b < a ? b : a; }
    template <class A, class B> static constexpr auto value(A const& a, B const& b) {  // NaN: NaN
        if constexpr (has_lanes<A>) return choose(b != b || b < a, b, a);
        else return b != b || b < a ? b : a;
    }
    // d/da = (1 + sign(b - a))/2: the same tie convention as max
    template <class A, class B, class Y> static constexpr auto partials(A const& a, B const& b, Y const&) {
        return std::pair{(1_c + sign(b - a)) / 2_c, (1_c + sign(a - b)) / 2_c};
    }
};

/// a^b for a general exponent; power<B, E> nodes and the tape's pow read their partials here.
struct pow_fn {
    static constexpr std::string_view name = "pow";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * infinity is 0
    template <class A, class B> static constexpr auto value(A const& a, B const& b) {
        using std::pow;
        return pow(a, b);
    }
    // d/da a^b = b a^(b-1); d/db a^b = a^b log(a)
    template <class A, class B, class Y> static constexpr auto partials(A const& a, B const& b, Y const& y) {
        return std::pair{base_partial_given_value(a, b, y), y * log(a)};
    }
    // b a^(b-1) = b y / a on numbers, saving a second pow (x^x's gradient costs one pow, one
    // log, like the hand-written x^x (log x + 1)); pow where y / a would lose the answer: at
    // a = 0, and where y underflowed, overflowed or is subnormal.
    template <class A, class B, class Y>
    static constexpr auto base_partial_given_value(A const& a, B const& b, Y const& y) {
        if constexpr (std::is_floating_point_v<A> && std::is_floating_point_v<Y>) {
            Y const magnitude = y < 0 ? -y : y;
            if (a != 0 && magnitude >= std::numeric_limits<Y>::min() && magnitude <= std::numeric_limits<Y>::max())
                return b * y / a;
        }
        return base_partial(a, b);
    }
    // d/da a^a = a^a (log a + 1), given y = a^a: the two partials above added, without dividing by a
    template <class A, class Y> static constexpr auto same_base_and_exponent_derivative(A const& a, Y const& y) {
        return y * (log(a) + 1_c);
    }
    // The base's partial alone: with a constant exponent log(a) must not be formed (a may be negative).
    template <class A, class B> static constexpr auto base_partial(A const& a, B const& b) {
        return b * pow(a, b - 1_c);
    }
};

}  // namespace leibniz::rules
