// A bundle-adjustment reprojection residual (u, v) of 15 inputs (camera 12, point 3): its
// 2 x 15 Jacobian from one forward sweep over both residuals' shared graph and one reverse
// sweep each, against the tape, the gradient of each residual alone, central differences,
// and the symbolic partials by the intrinsics. (A symbolic partial through the rotation costs
// a minute of compile time and a gigabyte each: the reason the reverse mode exists.)
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

#include <leibniz/leibniz.hpp>

#include "gradient_models.hpp"

namespace {
using namespace leibniz;
using namespace leibniz_test_models;

constexpr var_array<"camera", 12> camera;
constexpr var_array<"point", 3> point;
auto const residual = reprojection_residual(camera, point, ba_u_seen, ba_v_seen);

template <class F> auto at_observation(F const& f) { return f(camera = ba_camera, point = ba_point); }

using jacobian_rows = std::array<std::array<double, 15>, 2>;

// Each engine in a function of its own: inlined into one test function, the sweeps, the
// symbolic partials and the tape made Clang 14's -O1 optimizer exceed 4 GB.
[[gnu::noinline]] jacobian_rows reverse_jacobian() {
    auto const [u, v] = residual;
    return at_observation(jacobian(outputs(u, v), camera, point));
}

[[gnu::noinline]] jacobian_rows gradient_of_each_residual() {
    auto const [u, v] = residual;
    return {at_observation(gradient(u, camera, point)), at_observation(gradient(v, camera, point))};
}

// d f / d (fx, fy, cx, cy, k1, k2), one symbolic partial at a time
template <class F> [[gnu::noinline]] std::array<double, 6> symbolic_by_intrinsics(F const& f) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<double, 6>{at_observation(d(f, camera[at<6 + I>]))...};
    }
    (std::make_index_sequence<6>{});
}

[[gnu::noinline]] jacobian_rows taped_jacobian() {
    leibniz::tape::scope recording;
    std::array<leibniz::tape::var, 12> recorded_camera;
    std::array<leibniz::tape::var, 3> recorded_point;
    for (std::size_t i = 0; i < 12; ++i) recorded_camera[i] = ba_camera[i];
    for (std::size_t i = 0; i < 3; ++i) recorded_point[i] = ba_point[i];
    auto const [recorded_u, recorded_v] = reprojection_residual(recorded_camera, recorded_point, ba_u_seen, ba_v_seen);
    jacobian_rows taped{};
    for (std::size_t row = 0; row < 2; ++row) {
        auto const& y = row == 0 ? recorded_u : recorded_v;
        auto const by_camera = leibniz::tape::gradient(y, recorded_camera);
        auto const by_point = leibniz::tape::gradient(y, recorded_point);
        for (std::size_t i = 0; i < 12; ++i) taped[row][i] = by_camera[i];
        for (std::size_t i = 0; i < 3; ++i) taped[row][12 + i] = by_point[i];
    }
    return taped;
}

}  // namespace

TEST_CASE("bundle adjustment: the Jacobian agrees with the tape, per-residual gradients, differences and d") {
    auto const [u, v] = residual;
    jacobian_rows const jac = reverse_jacobian();
    std::array<std::array<double, 6>, 2> const symbolic{symbolic_by_intrinsics(u), symbolic_by_intrinsics(v)};
    jacobian_rows const taped = taped_jacobian();
    jacobian_rows const alone = gradient_of_each_residual();
    for (std::size_t row = 0; row < 2; ++row)
        for (std::size_t i = 0; i < 15; ++i) {
            CAPTURE(row);
            CAPTURE(i);
            CHECK(agree(jac[row][i], taped[row][i]));
            if (i >= 6 && i < 12) CHECK(agree(jac[row][i], symbolic[row][i - 6]));
            CHECK(agree(jac[row][i], alone[row][i]));
        }
    // u does not depend on fy or cy, v not on fx or cx: exact zeros, not rounding
    CHECK(jac[0][7] == 0.0);
    CHECK(jac[0][9] == 0.0);
    CHECK(jac[1][6] == 0.0);
    CHECK(jac[1][8] == 0.0);
    // du/dcx = 1: the principal point shifts the pixel
    CHECK(jac[0][8] == 1.0);

    // central differences of the residual in doubles, step 1e-6 of each input's scale
    for (std::size_t i = 0; i < 15; ++i) {
        auto camera_up = ba_camera, camera_down = ba_camera;
        auto point_up = ba_point, point_down = ba_point;
        double& up = i < 12 ? camera_up[i] : point_up[i - 12];
        double& down = i < 12 ? camera_down[i] : point_down[i - 12];
        double const step = 1e-6 * (1 + std::abs(up));
        up += step;
        down -= step;
        auto const [u_up, v_up] = reprojection_residual(camera_up, point_up, ba_u_seen, ba_v_seen);
        auto const [u_down, v_down] = reprojection_residual(camera_down, point_down, ba_u_seen, ba_v_seen);
        CAPTURE(i);
        CHECK(std::abs(jac[0][i] - (u_up - u_down) / (2 * step)) <= 1e-5 * (1 + std::abs(jac[0][i])));
        CHECK(std::abs(jac[1][i] - (v_up - v_down) / (2 * step)) <= 1e-5 * (1 + std::abs(jac[1][i])));
    }

    // the residual's value: the expression and doubles agree
    auto const [u_by_hand, v_by_hand] = reprojection_residual(ba_camera, ba_point, ba_u_seen, ba_v_seen);
    CHECK(agree(at_observation(u), u_by_hand));
    CHECK(agree(at_observation(v), v_by_hand));
    CHECK(std::abs(u_by_hand) > 1.0);  // the point is not seen where it projects: a residual with teeth
}
