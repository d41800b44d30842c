#pragma once
// The rules of atan2, hypot, max, min and pow: partials(a, b, y) returns {dy/da, dy/db}
// (the rule table: rules.hpp).

#include "support.hpp"

namespace leibniz::rules {

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
