#pragma once
// exp and log of lanes of doubles, computed in the lanes. libstdc++ 12's simd exp and log call
// libm once per element (measured: bench/lanes.cpp's mixture, where they dominate, gained 1.1x
// from four lanes where arithmetic gains 3.2x). Here they are arithmetic on whole lanes: the
// argument reduced by a multiple of log 2 (exp) or split into exponent and mantissa (log), a
// polynomial, and the power of two built in the bits; at most 1 ulp from libm's result over the
// arguments tests/lanes_math.cpp scans, with libm's values at the edges: exp overflows to +inf
// above 709.78, underflows through the subnormals to 0 below -745.13, log is -inf at 0, NaN
// below 0, +inf at +inf, NaN for NaN.
//
// Used for libstdc++'s simd<double> whose lanes can be read as one array of doubles in lane order
// (std::bit_cast; native_simd of any width, not the fixed_size ones, which are not trivially
// copyable): the bits of the power of two are integer arithmetic over that array, which the
// compiler vectorises. Other lanes types keep their own exp and log: a user's type of the same
// size could hold its lanes in another order. The simd type is recognised by its spelled name
// (number.hpp says why).
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <string_view>
#include <type_traits>

#include "number.hpp"
#include "type_name.hpp"

namespace leibniz::detail {

/// libstdc++'s lanes of doubles, laid out as an array of their elements.
template <class X> constexpr bool is_lanes_of_doubles() {
    if constexpr (!has_lanes<X>) return false;
    else if constexpr (!std::is_same_v<element_t<X>, double> || !std::is_trivially_copyable_v<X>) return false;
    else if constexpr (!requires { std::integral_constant<std::size_t, X::size()>{}; }) return false;
    else
        return sizeof(X) == X::size() * sizeof(double) &&
               type_name<X>().find("std::experimental::") != std::string_view::npos;
}
template <class X>
concept lanes_of_doubles = is_lanes_of_doubles<X>();

namespace lanes_math {
template <class X> using bits_of = std::array<std::uint64_t, X::size()>;

// 1.5 * 2^52: added to a double of magnitude below 2^51, it rounds it to an integer, which then
// sits in the low bits of the sum's mantissa
inline constexpr double integer_shifter = 0x1.8p52;

/// 2^n for lanes n holding integers in [-1022, 1023], from the bits.
template <class X> [[gnu::always_inline]] inline X power_of_two(X const& n) {
    auto bits = std::bit_cast<bits_of<X>>(n + X(integer_shifter));
    constexpr std::uint64_t shifter_bits = std::bit_cast<std::uint64_t>(integer_shifter);
    for (auto& b : bits) b = (b - shifter_bits + 1023) << 52;
    return std::bit_cast<X>(bits);
}

/// e^x = 2^n e^r for x = n log 2 + r, |r| <= log(2)/2 (log 2 in two parts, so that r is exact):
/// n and e^r, by its Taylor series to r^13 (the remainder below 2^-60 of e^r).
template <class X> struct reduced_exponential { X n, e_r; };
template <class X> [[gnu::always_inline]] inline reduced_exponential<X> reduce_exponential(X const& x) {
    constexpr double log2e = 1.4426950408889634074;
    constexpr double ln2_hi = 0x1.62e42fefa3800p-1, ln2_lo = 0x1.ef35793c76730p-45;  // ln2_hi n exact for |n| < 2^11
    X const n = (x * X(log2e) + X(integer_shifter)) - X(integer_shifter);
    X const r = (x - n * X(ln2_hi)) - n * X(ln2_lo);
    // 1 + r + r^2 t(r) with t(r) = 1/2! + r/3! + ... + r^11/13! by Estrin's scheme (pairs c + c' r,
    // then pairs of those in r^2 and r^4: a chain of four multiply-adds where Horner's is eleven
    // long), the 1 and r added last, so that the result rounds about once
    constexpr double c[12] = {1.0 / 2.0,       1.0 / 6.0,        1.0 / 24.0,        1.0 / 120.0,
                              1.0 / 720.0,     1.0 / 5040.0,     1.0 / 40320.0,     1.0 / 362880.0,
                              1.0 / 3628800.0, 1.0 / 39916800.0, 1.0 / 479001600.0, 1.0 / 6227020800.0};
    X const r2 = r * r, r4 = r2 * r2;
    X const a0 = X(c[0]) + X(c[1]) * r, a1 = X(c[2]) + X(c[3]) * r, a2 = X(c[4]) + X(c[5]) * r;
    X const a3 = X(c[6]) + X(c[7]) * r, a4 = X(c[8]) + X(c[9]) * r, a5 = X(c[10]) + X(c[11]) * r;
    X const t = (a0 + a1 * r2) + ((a2 + a3 * r2) + (a4 + a5 * r2) * r4) * r4;
    return {n, X(1.0) + (r + r2 * t)};
}

/// e^x. Where every lane is in (-708, 709), the result is normal and 2^n one power of two (the
/// common case, one branch); elsewhere the argument is clamped to where n fits, 2^n applied in two
/// halves, so that results in the subnormals round once, and the edges are libm's.
template <class X> [[gnu::always_inline]] inline X exp(X const& x) {
    if (all_lanes(x > X(-708.0) && x < X(709.0))) {
        auto const [n, e_r] = reduce_exponential(x);
        return e_r * power_of_two(n);
    }
    X const clamped = choose(x > X(710.0), X(710.0), choose(x < X(-746.0), X(-746.0), x));
    auto const [n, e_r] = reduce_exponential(clamped);
    X const half = (n * X(0.5) + X(integer_shifter)) - X(integer_shifter);  // n/2 rounded: both parts in range
    X const y = e_r * power_of_two(half) * power_of_two(n - half);
    // beyond the range the clamp made finite: +inf and 0 exactly, as libm; NaN stays NaN
    return choose(x > X(709.782712893384), X(std::numeric_limits<double>::infinity()),
                  choose(x < X(-745.1332191019412), X(0.0), choose(x != x, x, y)));
}

/// log x for positive normal x, finite or not: x = m 2^e with m in [sqrt(1/2), sqrt(2)),
/// log m = 2 atanh(s) with s = (m - 1)/(m + 1), |s| <= 0.1716, by its series to s^23; log 2 in
/// two parts. Offset: what to add to the exponent read from the bits (-54 for a subnormal x the
/// caller scaled by 2^54).
template <class X> [[gnu::always_inline]] inline X log_of_normal(X const& x, X const& offset) {
    constexpr double ln2_hi = 0x1.62e42fefa3800p-1, ln2_lo = 0x1.ef35793c76730p-45;
    auto bits = std::bit_cast<bits_of<X>>(x);
    auto exponent_bits = bits;
    // the mantissa with the exponent of 1 (m in [1, 2)); the exponent, less the bias, as a double
    // through the shifter's mantissa (exact: it is below 2^11)
    constexpr std::uint64_t mantissa_mask = (std::uint64_t{1} << 52) - 1;
    constexpr std::uint64_t shifter_bits = std::bit_cast<std::uint64_t>(integer_shifter);
    for (auto& b : bits) b = (b & mantissa_mask) | (std::uint64_t{1023} << 52);
    for (auto& b : exponent_bits) b = shifter_bits + ((b >> 52) & 0x7ff);
    X m = std::bit_cast<X>(bits);
    X e = std::bit_cast<X>(exponent_bits) - X(integer_shifter + 1023.0) + offset;
    auto const above = m > X(1.4142135623730951);
    m = choose(above, m * X(0.5), m);
    e = choose(above, e + X(1.0), e);
    X const f = m - X(1.0);
    X const s = f / (X(2.0) + f);
    X const s2 = s * s;
    // 2 (s + s^3/3 + ... + s^23/23) = 2 s + s s^2 q, written f - (f^2/2 - s (f^2/2 + s^2 q)): the
    // digits of f = m - 1, exact, kept near 1; q = 2/3 + 2/5 s^2 + ... + 2/23 s^20 by Estrin's
    // scheme in u = s^2 (as for exp)
    constexpr double d[11] = {2.0 / 3.0,  2.0 / 5.0,  2.0 / 7.0,  2.0 / 9.0,  2.0 / 11.0, 2.0 / 13.0,
                              2.0 / 15.0, 2.0 / 17.0, 2.0 / 19.0, 2.0 / 21.0, 2.0 / 23.0};
    X const u2 = s2 * s2, u4 = u2 * u2;
    X const e0 = X(d[0]) + X(d[1]) * s2, e1 = X(d[2]) + X(d[3]) * s2, e2 = X(d[4]) + X(d[5]) * s2;
    X const e3 = X(d[6]) + X(d[7]) * s2, e4 = X(d[8]) + X(d[9]) * s2;
    X const q = (e0 + e1 * u2) + ((e2 + e3 * u2) + (e4 + X(d[10]) * u2) * u4) * u4;
    X const hfsq = X(0.5) * f * f;
    X const log_m = f - (hfsq - s * (hfsq + s2 * q));
    return e * X(ln2_hi) + (log_m + e * X(ln2_lo));
}

/// log x. Where every lane is positive, normal and finite (the common case, one branch), the
/// series alone; elsewhere subnormal x are scaled by 2^54 first and the edges are libm's: -inf
/// at 0, NaN below 0 and for NaN, +inf at +inf.
template <class X> [[gnu::always_inline]] inline X log(X const& x) {
    constexpr double smallest_normal = std::numeric_limits<double>::min();
    constexpr double inf = std::numeric_limits<double>::infinity();
    if (all_lanes(x >= X(smallest_normal) && x < X(inf))) return log_of_normal(x, X(0.0));
    auto const subnormal = x < X(smallest_normal);
    X const y = log_of_normal(choose(subnormal, x * X(0x1p54), x), choose(subnormal, X(-54.0), X(0.0)));
    return choose(x != x || x < X(0.0), X(std::numeric_limits<double>::quiet_NaN()),
                  choose(x == X(0.0), X(-inf), choose(x == X(inf), X(inf), y)));
}
}  // namespace lanes_math

}  // namespace leibniz::detail
