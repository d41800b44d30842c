#pragma once
// The rules of sinh, cosh, tanh, asinh, acosh and atanh (the rule table: rules.hpp).

#include "support.hpp"

namespace leibniz::rules {

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

}  // namespace leibniz::rules
