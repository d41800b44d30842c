#pragma once
// Exact rationals for compile-time folding: 3_c, 0.5_c (exactly 1/2), c<1, 3>.
#include <cstdint>
#include <limits>

namespace leibniz {

/// An exact rational number num/den, kept normalized (den > 0, gcd(num, den) = 1).
/// Used as a template argument: two equal rationals are one type.
struct rational {
    std::intmax_t num = 0;
    std::intmax_t den = 1;

    constexpr bool operator==(rational const&) const = default;
    constexpr bool is_integer() const noexcept { return den == 1; }
    template <class T> constexpr T as() const noexcept { return static_cast<T>(num) / static_cast<T>(den); }
};

namespace detail {

// Overflow in a compile-time rational is a hard error, never a wrapped number:
// calling a non-constexpr function during constant evaluation stops compilation here.
inline void rational_arithmetic_overflowed_use_a_runtime_double_instead() {}

__extension__ typedef __int128 wide;  // products of two intmax_t fit; __extension__ keeps -Wpedantic quiet

constexpr wide wide_gcd(wide a, wide b) noexcept {
    if (a < 0) a = -a;
    if (b < 0) b = -b;
    while (b != 0) { auto t = a % b; a = b; b = t; }
    return a;
}

constexpr std::intmax_t checked(wide v) {
    if (v > std::numeric_limits<std::intmax_t>::max() || v < std::numeric_limits<std::intmax_t>::min())
        rational_arithmetic_overflowed_use_a_runtime_double_instead();
    return static_cast<std::intmax_t>(v);
}

}  // namespace detail

namespace detail {
constexpr rational reduce(wide num, wide den) {
    if (den == 0) rational_arithmetic_overflowed_use_a_runtime_double_instead();
    if (den < 0) { num = -num; den = -den; }
    auto g = wide_gcd(num, den);
    if (g > 1) { num /= g; den /= g; }
    return {checked(num), checked(den)};
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
constexpr bool operator<(rational a, rational b) {
    return detail::wide{a.num} * b.den < detail::wide{b.num} * a.den;
}

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
