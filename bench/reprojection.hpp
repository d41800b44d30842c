#pragma once
// Snavely's reprojection residual (angle-axis rotation, translation, focal length, two radial
// distortion terms: a camera of 9 parameters and a point of 3), written once for doubles, Ceres'
// Jet and leibniz families; shared by bench/bindings.cpp and bench/ceres_cost.cpp.
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <leibniz/leibniz.hpp>

namespace bench {
using namespace leibniz::literals;

template <std::size_t K> constexpr std::integral_constant<std::size_t, K> at{};

// forced inline: left alone, GCC 12 called it out of line from the hand-written variant (two
// calls, 43 ns against 19 ns inlined), which measured its inliner instead of the arithmetic
template <class C, class P, class X, class Y>
[[gnu::always_inline]] inline auto reprojection(C const& cam, P const& pt, X const& ox, Y const& oy) {
    using std::sqrt, std::sin, std::cos;
    // one declaration per name: in generic code the names have different types (GCC 12 takes
    // auto a = ..., b = ... of two types; Clang, rightly, refuses it)
    auto const a0 = cam[at<0>];
    auto const a1 = cam[at<1>];
    auto const a2 = cam[at<2>];
    auto const x0 = pt[at<0>];
    auto const x1 = pt[at<1>];
    auto const x2 = pt[at<2>];
    auto const theta = sqrt(a0 * a0 + a1 * a1 + a2 * a2);
    auto const c = cos(theta);
    auto const s = sin(theta);
    // 1 exact in expressions (1_c), a number of theta's type elsewhere (double, Ceres' Jet)
    auto const one = [] {
        if constexpr (leibniz::Expression<std::remove_cvref_t<decltype(theta)>>) return 1_c;
        else return std::remove_cvref_t<decltype(theta)>(1);
    }();
    auto const inverse = one / theta;
    auto const w0 = a0 * inverse;
    auto const w1 = a1 * inverse;
    auto const w2 = a2 * inverse;
    auto const along = (w0 * x0 + w1 * x1 + w2 * x2) * (one - c);
    // R(aa) X + t (Rodrigues' formula, as Ceres' AngleAxisRotatePoint for theta > 0)
    auto const p0 = x0 * c + (w1 * x2 - w2 * x1) * s + w0 * along + cam[at<3>];
    auto const p1 = x1 * c + (w2 * x0 - w0 * x2) * s + w1 * along + cam[at<4>];
    auto const p2 = x2 * c + (w0 * x1 - w1 * x0) * s + w2 * along + cam[at<5>];
    auto const xp = -p0 / p2;
    auto const yp = -p1 / p2;
    auto const r2 = xp * xp + yp * yp;
    auto const distortion = one + r2 * (cam[at<7>] + cam[at<8>] * r2);
    return std::pair{cam[at<6>] * distortion * xp - ox, cam[at<6>] * distortion * yp - oy};
}

/// A pointer read as cam[at<K>]: the plain double code.
struct values {
    double const* p;
    template <std::size_t K> double operator[](std::integral_constant<std::size_t, K>) const { return p[K]; }
};

}  // namespace bench
