#pragma once
// The functions the reverse mode is designed for, written once, generically: called with a
// leibniz family (var_array) they build an expression; called with std::arrays of
// leibniz::tape::var they record a tape; with std::arrays of doubles they compute numbers.
// Parameters are indexed with std::integral_constant, which var_array and std::array both take.
#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <utility>

#include <leibniz/leibniz.hpp>

namespace leibniz_test_models {

template <std::size_t K> inline constexpr std::integral_constant<std::size_t, K> at{};

/// A 2-4-1 network's squared loss on one sample; theta (17) = W1 (4x2, row-major), b1 (4),
/// W2 (4), b2. Hidden layer tanh, output sigmoid.
template <class Theta, class Input, class Target>
constexpr auto network_loss(Theta const& theta, Input const& input, Target const& target) {
    using leibniz::sigmoid, leibniz::square, std::tanh;
    auto hidden = [&]<std::size_t j>(std::integral_constant<std::size_t, j>) {
        auto weighted = leibniz::sum<2>(
            [&]<std::size_t i>(std::integral_constant<std::size_t, i>) { return theta[at<2 * j + i>] * input[at<i>]; });
        return tanh(weighted + theta[at<8 + j>]);
    };
    auto output = sigmoid(leibniz::sum<4>([&](auto j) { return theta[at<12 + decltype(j)::value>] * hidden(j); }) +
                          theta[at<16>]);
    return square(output - target);
}

/// The parameters and sample the network tests evaluate at.
inline constexpr std::array<double, 17> network_theta{0.3,  -0.5, 0.8, 0.1, -0.7, 0.4,  0.2,  -0.9, 0.05,
                                                      -0.1, 0.15, 0.0, 1.1, -0.6, 0.45, -1.3, 0.25};
inline constexpr std::array<double, 2> network_input{0.7, -1.2};
inline constexpr double network_target = 0.8;

/// A bundle-adjustment reprojection residual (u, v): camera (12) = angle-axis rotation (3),
/// translation (3), focal lengths fx, fy, principal point cx, cy, radial distortion k1, k2;
/// point (3) in world coordinates; (u_seen, v_seen) the observed pixel.
template <class Camera, class Point>
constexpr auto reprojection_residual(Camera const& camera, Point const& point, double u_seen, double v_seen) {
    using std::cos, std::sin, std::sqrt;
    auto const& w0 = camera[at<0>];
    auto const& w1 = camera[at<1>];
    auto const& w2 = camera[at<2>];
    auto const& p0 = point[at<0>];
    auto const& p1 = point[at<1>];
    auto const& p2 = point[at<2>];
    // Rodrigues: R p = p cos t + (k x p) sin t + k (k . p)(1 - cos t), k = w / t, t = |w|
    auto angle = sqrt(w0 * w0 + w1 * w1 + w2 * w2);
    auto cosine = cos(angle);
    auto sine = sin(angle);
    auto k0 = w0 / angle;
    auto k1 = w1 / angle;
    auto k2 = w2 / angle;
    auto along = (k0 * p0 + k1 * p1 + k2 * p2) * (1.0 - cosine);
    auto x = p0 * cosine + (k1 * p2 - k2 * p1) * sine + k0 * along + camera[at<3>];
    auto y = p1 * cosine + (k2 * p0 - k0 * p2) * sine + k1 * along + camera[at<4>];
    auto z = p2 * cosine + (k0 * p1 - k1 * p0) * sine + k2 * along + camera[at<5>];
    auto xp = x / z;
    auto yp = y / z;
    auto r2 = xp * xp + yp * yp;
    auto distortion = 1.0 + camera[at<10>] * r2 + camera[at<11>] * r2 * r2;
    return std::pair{camera[at<6>] * distortion * xp + camera[at<8>] - u_seen,
                     camera[at<7>] * distortion * yp + camera[at<9>] - v_seen};
}

inline constexpr std::array<double, 12> ba_camera{0.12,  -0.31, 0.07,  0.4,    -0.25, 3.2,
                                                  810.0, 790.0, 320.5, 240.25, -0.08, 0.012};
inline constexpr std::array<double, 3> ba_point{0.9, -0.35, 2.1};
inline constexpr double ba_u_seen = 450.0;
inline constexpr double ba_v_seen = 190.0;

/// |a - b| within 1e-12 of the larger magnitude (and within 1e-15 absolutely, for results that
/// are zero up to rounding).
template <class T> bool agree(T a, T b, T relative = T(1e-12)) {
    using std::abs;
    T const scale = abs(a) > abs(b) ? abs(a) : abs(b);
    return abs(a - b) <= relative * scale || abs(a - b) <= T(1e-15);
}

}  // namespace leibniz_test_models
