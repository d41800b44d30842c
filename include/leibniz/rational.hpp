#pragma once
// Exact rationals for compile-time folding: 3_c, 0.5_c (exactly 1/2), c<1, 3>.
#include <cstdint>
#include <limits>

#include "detail/number.hpp"

namespace leibniz {

/// An exact rational number num/den, kept normalized (den > 0, gcd(num, den) = 1).
/// Used as a template argument: two equal rationals are one type.
struct rational {
    std::intmax_t num = 0;
    std::intmax_t den = 1;

    constexpr bool operator==(rational const&) const = default;
    constexpr bool is_integer() const noexcept { return den == 1; }
    template <class T> constexpr T as() const noexcept {
        // a number class (simd lanes, a Jet) from its element type: lanes have no constructor from intmax_t
        if constexpr (detail::is_number_class<T>) return T(as<detail::element_t<T>>());
        else return static_cast<T>(num) / static_cast<T>(den);
    }
};

namespace detail {

// Overflow in a compile-time rational is a hard error, never a wrapped number: calling a
// non-constexpr function during constant evaluation stops compilation here. Where the library
// folds rationals itself (the canonical form's plans, c<N, D>, _c), it computes with the
// *_or_flag functions below instead and refuses an overflow with a sentence (refusals.hpp).
inline void rational_arithmetic_overflowed_use_a_runtime_double_instead() {}

__extension__ typedef __int128 wide;  // products of two intmax_t fit; __extension__ keeps -Wpedantic quiet

constexpr wide wide_gcd(wide a, wide b) noexcept {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) {
        auto t = a % b;
        a = b;
        b = t;
    }
    return a;
}

}  // namespace detail

namespace detail {
constexpr bool fits(wide v) noexcept {
    return v <= std::numeric_limits<std::intmax_t>::max() && v >= std::numeric_limits<std::intmax_t>::min();
}

/// num/den (den != 0) in lowest terms; where that does not fit intmax_t, 0 with overflowed set
/// instead of the hard error: the canonical form's plans refuse it with a sentence
/// (canonical.hpp, refusals.hpp's refuse_rational_overflow).
constexpr rational reduce_or_flag(wide num, wide den, bool& overflowed) noexcept {
    if (den < 0) {
        num = -num;
        den = -den;
    }
    auto g = wide_gcd(num, den);
    if (g > 1) {
        num /= g;
        den /= g;
    }
    if (!fits(num) || !fits(den)) {
        overflowed = true;
        return {0, 1};
    }
    return {static_cast<std::intmax_t>(num), static_cast<std::intmax_t>(den)};
}

constexpr rational reduce(wide num, wide den) {
    if (den == 0) rational_arithmetic_overflowed_use_a_runtime_double_instead();
    bool overflowed = false;
    rational r = reduce_or_flag(num, den, overflowed);
    if (overflowed) rational_arithmetic_overflowed_use_a_runtime_double_instead();
    return r;
}

/// A rational computed at compile time, and whether it overflowed on the way.
struct folded_rational {
    rational value{};
    bool overflowed = false;
};

/// a + b and a * b, setting overflowed where the result does not fit.
constexpr rational sum_or_flag(rational a, rational b, bool& overflowed) noexcept {
    return reduce_or_flag(wide{a.num} * b.den + wide{b.num} * a.den, wide{a.den} * b.den, overflowed);
}
constexpr rational product_or_flag(rational a, rational b, bool& overflowed) noexcept {
    return reduce_or_flag(wide{a.num} * b.num, wide{a.den} * b.den, overflowed);
}
/// n/d (d != 0) in lowest terms.
constexpr folded_rational quotient_or_flag(std::intmax_t n, std::intmax_t d) noexcept {
    folded_rational q{};
    q.value = reduce_or_flag(n, d, q.overflowed);
    return q;
}
/// r^n for an integer n (r != 0 when n < 0), by squaring, stopping at the first overflow.
constexpr folded_rational integer_power_or_flag(rational r, std::intmax_t n) noexcept {
    folded_rational result{{1, 1}};
    rational base = n < 0 ? reduce_or_flag(r.den, r.num, result.overflowed) : r;
    for (auto k = n < 0 ? -wide{n} : wide{n}; k > 0 && !result.overflowed; k /= 2) {
        if (k % 2 == 1) result.value = product_or_flag(result.value, base, result.overflowed);
        if (k > 1) base = product_or_flag(base, base, result.overflowed);
    }
    if (result.overflowed) result.value = rational{};
    return result;
}
}  // namespace detail

constexpr rational make_rational(std::intmax_t num, std::intmax_t den = 1) { return detail::reduce(num, den); }

constexpr rational operator+(rational a, rational b) {
    return detail::reduce(detail::wide{a.num} * b.den + detail::wide{b.num} * a.den, detail::wide{a.den} * b.den);
}
constexpr rational operator-(rational a) { return detail::reduce(-detail::wide{a.num}, a.den); }
constexpr rational operator-(rational a, rational b) { return a + -b; }
constexpr rational operator*(rational a, rational b) {
    return detail::reduce(detail::wide{a.num} * b.num, detail::wide{a.den} * b.den);
}
constexpr rational reciprocal(rational a) { return make_rational(a.den, a.num); }
constexpr rational operator/(rational a, rational b) { return a * reciprocal(b); }
constexpr bool operator<(rational a, rational b) { return detail::wide{a.num} * b.den < detail::wide{b.num} * a.den; }

/// The largest positive rational of which a and b are both integer multiples: the gcd of the
/// numerators over the lcm of the denominators (100 and -50: 50; 1/2 and 1/3: 1/6; 0 and b: |b|).
constexpr rational common_divisor(rational a, rational b) {
    return detail::reduce(detail::wide_gcd(a.num, b.num), detail::wide{a.den} / detail::wide_gcd(a.den, b.den) * b.den);
}

/// r^n for an integer n (negative n inverts).
constexpr rational integer_power(rational r, std::intmax_t n) {
    rational result{1, 1}, base = n < 0 ? reciprocal(r) : r;
    for (auto k = n < 0 ? -n : n; k > 0; --k) result = result * base;
    return result;
}

}  // namespace leibniz
