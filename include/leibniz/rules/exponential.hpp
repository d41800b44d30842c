#pragma once
// The rules of exp, expm1, log, log1p, log2, log10 and exp2 (the rule table: rules.hpp).

#include "support.hpp"

namespace leibniz::rules {

namespace detail_rules {
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
}  // namespace detail_rules

// log 2 and log 10, exact in symbolic derivatives (log2' = 1/(x log 2)): log of a rational
// that is not 1 stays a call, spelled as a type for the reason given for inverse_sqrt_pi below.
inline constexpr call<log_fn, constant<rational{2, 1}>> log_of_2{};
inline constexpr call<log_fn, constant<rational{10, 1}>> log_of_10{};

struct exp_fn {
    static constexpr std::string_view name = "exp";
    static constexpr std::string_view latex = "\\exp";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {1, 1}); }
    // forced inline: with lanes the body is the whole of lanes_math's exp, which Clang would not
    // inline into the sweep on its own (the mixture's lanes sweep took 2.3x as long)
    template <class X> [[gnu::always_inline]] static constexpr auto value(X const& x) {
        return detail_rules::exponential(x);
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
    template <class X, class Y> [[gnu::always_inline]] static constexpr auto derivative(X const& x, Y const& y) {
        using std::exp;
        if constexpr (Expression<X> || is_complex<X>::value) return exp(x);
        else if (all_lanes(!(x < X(-1)))) return y + X(1);  // y + 1 >= 1/e: no digit lost, no second exp
        else return detail_rules::exponential(x);
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
    template <class X> [[gnu::always_inline]] static constexpr auto value(X const& x) {  // as exp's
        return detail_rules::logarithm(x);
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

}  // namespace leibniz::rules
