#pragma once
// The rules of the functions that are constant or linear between jumps: abs, sign, heaviside,
// floor, ceil, round, trunc, and where_nonnegative, the domain of an even root (rules.hpp).

#include "support.hpp"

namespace leibniz::rules {

namespace detail_rules {
// floor(num/den) with den > 0
constexpr std::intmax_t floor_div(std::intmax_t num, std::intmax_t den) {
    std::intmax_t q = num / den;
    return (num % den != 0 && num < 0) ? q - 1 : q;
}
}  // namespace detail_rules

/// What sign, heaviside, floor, ceil, round and trunc share: they are constant between their
/// jumps, so their derivative is 0 wherever it exists, and at a jump (where it does not) every
/// engine gives 0 too; complex numbers have no order, so each refuses them with its name.
template <class Rule> struct piecewise_constant {
    // the value of a real number is the rule's real_value; a complex one is refused
    template <class X> static constexpr auto value(X const& x) {
        if constexpr (is_complex<X>::value) return refuse_complex<complex_refusal::unordered, Rule>(x);
        else return Rule::real_value(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return detail_rules::zero_like(x);
    }
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

struct sign_fn : piecewise_constant<sign_fn> {
    static constexpr std::string_view name = "sign";
    static constexpr std::optional<rational> exact(rational x) { return rational{(x.num > 0) - (x.num < 0), 1}; }
    template <class X> static constexpr auto real_value(X const& x) {  // NaN: NaN
        if constexpr (has_lanes<X>) return choose(x != x, x, choose(X(0) < x, X(1), choose(x < X(0), X(-1), X(0))));
        else return x != x ? x : X((X(0) < x) - (x < X(0)));
    }
};

struct heaviside_fn : piecewise_constant<heaviside_fn> {
    static constexpr std::string_view name = "heaviside";
    static constexpr std::optional<rational> exact(rational x) { return rational{x.num > 0, 1}; }
    template <class X> static constexpr auto real_value(X const& x) {  // NaN: NaN
        if constexpr (has_lanes<X>) return choose(x != x, x, choose(x > X(0), X(1), X(0)));
        else return x != x ? x : X(x > X(0));
    }
};

// floor, ceil, round, trunc jump at the integers (round at the half-integers)
struct floor_fn : piecewise_constant<floor_fn> {
    static constexpr std::string_view name = "floor";
    static constexpr std::optional<rational> exact(rational x) {
        return rational{detail_rules::floor_div(x.num, x.den), 1};
    }
    template <class X> static constexpr auto real_value(X const& x) {
        using std::floor;
        return floor(x);
    }
};

struct ceil_fn : piecewise_constant<ceil_fn> {
    static constexpr std::string_view name = "ceil";
    static constexpr std::optional<rational> exact(rational x) {
        return rational{-detail_rules::floor_div(-x.num, x.den), 1};
    }
    template <class X> static constexpr auto real_value(X const& x) {
        using std::ceil;
        return ceil(x);
    }
};

struct round_fn : piecewise_constant<round_fn> {
    static constexpr std::string_view name = "round";
    // halves away from zero, as std::round: round(5/2) = 3, round(-5/2) = -3
    static constexpr std::optional<rational> exact(rational x) {
        std::intmax_t const n = x.num < 0 ? -x.num : x.num, rest = n % x.den;
        std::intmax_t const magnitude = n / x.den + (rest >= x.den - rest ? 1 : 0);  // rest/den >= 1/2, without 2 rest
        return rational{x.num < 0 ? -magnitude : magnitude, 1};
    }
    template <class X> static constexpr auto real_value(X const& x) {
        using std::round;
        return round(x);
    }
};

struct trunc_fn : piecewise_constant<trunc_fn> {
    static constexpr std::string_view name = "trunc";
    static constexpr std::optional<rational> exact(rational x) { return rational{x.num / x.den, 1}; }  // toward zero
    template <class X> static constexpr auto real_value(X const& x) {
        using std::trunc;
        return trunc(x);
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

}  // namespace leibniz::rules
