#pragma once
// A number class of a user's own, as tests write one: a dual number, value + tangent * e with
// e^2 = 0, its functions found by argument-dependent lookup and its comparisons giving bool.
// tests/number_class.cpp differentiates in it (forward over reverse); a compile-fail test binds
// it beside simd lanes.
#include <cmath>

namespace user {
/// value + tangent * epsilon, epsilon^2 = 0
struct dual {
    double value = 0.0, tangent = 0.0;
    constexpr dual() = default;
    constexpr dual(double v, double t = 0.0) : value(v), tangent(t) {}
    constexpr dual& operator+=(dual const& b) {
        value += b.value;
        tangent += b.tangent;
        return *this;
    }
};
constexpr dual operator+(dual const& a, dual const& b) { return {a.value + b.value, a.tangent + b.tangent}; }
constexpr dual operator-(dual const& a, dual const& b) { return {a.value - b.value, a.tangent - b.tangent}; }
constexpr dual operator-(dual const& a) { return {-a.value, -a.tangent}; }
constexpr dual operator*(dual const& a, dual const& b) {
    return {a.value * b.value, a.tangent * b.value + a.value * b.tangent};
}
constexpr dual operator/(dual const& a, dual const& b) {
    return {a.value / b.value, (a.tangent * b.value - a.value * b.tangent) / (b.value * b.value)};
}
constexpr bool operator<(dual const& a, dual const& b) { return a.value < b.value; }
constexpr bool operator>(dual const& a, dual const& b) { return a.value > b.value; }
constexpr bool operator<=(dual const& a, dual const& b) { return a.value <= b.value; }
constexpr bool operator>=(dual const& a, dual const& b) { return a.value >= b.value; }
constexpr bool operator==(dual const& a, dual const& b) { return a.value == b.value; }
inline dual sin(dual const& a) { return {std::sin(a.value), std::cos(a.value) * a.tangent}; }
inline dual cos(dual const& a) { return {std::cos(a.value), -std::sin(a.value) * a.tangent}; }
inline dual exp(dual const& a) {
    double const e = std::exp(a.value);
    return {e, e * a.tangent};
}
inline dual log(dual const& a) { return {std::log(a.value), a.tangent / a.value}; }
inline dual sqrt(dual const& a) {
    double const r = std::sqrt(a.value);
    return {r, a.tangent / (2.0 * r)};
}
inline dual abs(dual const& a) { return a.value < 0.0 ? -a : a; }
inline dual tanh(dual const& a) {
    double const t = std::tanh(a.value);
    return {t, (1.0 - t * t) * a.tangent};
}
}  // namespace user
