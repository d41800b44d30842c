// Gradients at many points at once: the same compile-time gradient bound to simd lanes
// (std::experimental::native_simd<double>: two or four points per sweep) instead of doubles. The points sit one array per coordinate, as batches usually do; each sweep loads
// a lane group with copy_from and writes its gradients back with copy_to. Checks its own
// output: every point's gradient from the lanes equals the double engine's, and a select whose
// untaken arm is NaN in some lanes gives each lane its own arm's derivative.
//
//     f(x) = sum_i 100 (x[2i+1] - x[2i]^2)^2 + (1 - x[2i])^2, 16 dimensions, at 1,024 points
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <experimental/simd>
#include <vector>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;
namespace stdx = std::experimental;

// the machine's own width: 2 doubles with SSE2 (the default flags), 4 with -mavx2. Not
// fixed_size_simd<double, 4>, which GCC 12 copies in pieces, 2.5x slower than doubles here
// without AVX (README: numbers of your own)
using lanes = stdx::native_simd<double>;

constexpr std::size_t n = 16, points = 1024;
constexpr var_array<"x", n> x;
auto const rosenbrock = sum<n / 2>([](auto i) {
    auto const a = x[i * 2_c];
    auto const b = x[i * 2_c + 1_c];
    return 100_c * square(b - a * a) + square(1_c - a);
});
auto const rosenbrock_gradient = gradient(rosenbrock, x);

using coordinates = std::array<std::vector<double>, n>;  // coordinate j of point p at [j][p]

coordinates batch() {
    coordinates at;
    for (std::size_t j = 0; j < n; ++j) {
        at[j].resize(points);
        for (std::size_t p = 0; p < points; ++p) at[j][p] = std::sin(0.37 * double(p) + 1.3 * double(j));
    }
    return at;
}

void gradients_one_point_at_a_time(coordinates const& at, coordinates& out) {
    for (std::size_t p = 0; p < points; ++p) {
        std::array<double, n> point{};
        for (std::size_t j = 0; j < n; ++j) point[j] = at[j][p];
        auto const g = rosenbrock_gradient(x = point);
        for (std::size_t j = 0; j < n; ++j) out[j][p] = g[j];
    }
}

void gradients_in_lanes(coordinates const& at, coordinates& out) {
    for (std::size_t p = 0; p < points; p += lanes::size()) {
        std::array<lanes, n> group;
        for (std::size_t j = 0; j < n; ++j) group[j].copy_from(&at[j][p], stdx::element_aligned);
        std::array<lanes, n> const g = rosenbrock_gradient(x = group);
        for (std::size_t j = 0; j < n; ++j) g[j].copy_to(&out[j][p], stdx::element_aligned);
    }
}

template <class F> double microseconds(F const& f) {
    auto const start = std::chrono::steady_clock::now();
    for (int repeat = 0; repeat < 20; ++repeat) f();
    return std::chrono::duration<double, std::micro>(std::chrono::steady_clock::now() - start).count() / 20;
}

int main() {
    examples::comparison check;
    coordinates const at = batch();
    coordinates one, many;
    for (std::size_t j = 0; j < n; ++j) one[j].resize(points), many[j].resize(points);

    double const one_at_a_time = microseconds([&] { gradients_one_point_at_a_time(at, one); });
    double const in_lanes = microseconds([&] { gradients_in_lanes(at, many); });
    std::printf("Rosenbrock-16 gradients at %zu points: %.1f us a point at a time, %.1f us in %zu lanes (%.2fx)\n",
                points, one_at_a_time, in_lanes, lanes::size(), one_at_a_time / in_lanes);

    double worst = 0.0;
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t p = 0; p < points; ++p)
            worst = std::fmax(worst, std::fabs(many[j][p] - one[j][p]) / std::fmax(1.0, std::fabs(one[j][p])));
    check("largest difference, lanes vs doubles", worst, 0.0, 1e-15);

    // a branch whose untaken side is NaN in some lanes: log(y) * z where y < 0 takes z * z
    constexpr var<"y"> y;
    constexpr var<"z"> z;
    auto const branchy = select(y > 0_c, log(y) * z, z * z);
    lanes const ys([](auto k) { return k % 2 == 0 ? -1.0 - double(k) : 1.0 + double(k); });
    lanes const zs([](auto k) { return 0.5 + double(k); });
    auto const g = gradient(branchy, y, z)(y = ys, z = zs);
    for (std::size_t k = 0; k < lanes::size(); ++k) {
        auto const one_lane = gradient(branchy, y, z)(y = double(ys[k]), z = double(zs[k]));
        check("select: d/dy in a lane", g[0][k], one_lane[0], 0.0);
        check("select: d/dz in a lane", g[1][k], one_lane[1], 1e-15);
    }
    return check.exit_code();
}
