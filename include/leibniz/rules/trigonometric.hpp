#pragma once
// The rules of sin, cos, tan, asin, acos and atan (the rule table: rules.hpp).

#include "support.hpp"

namespace leibniz::rules {

namespace detail_rules {
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
}  // namespace detail_rules

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

}  // namespace leibniz::rules
