// Problem 9: leibniz inside a caller's code, where the data sits behind pointers. Each variant
// is a Ceres-shaped call, evaluate(double const* const* parameters, double* residuals,
// double** jacobians), kept out of line as Ceres' virtual Evaluate is, so the compiler sees
// neither the numbers nor where they go:
//   reprojection: Snavely's bundle-adjustment residual (camera 9: angle-axis 3, translation 3,
//     focal, k1, k2; point 3; observation 2), residuals only and with the two Jacobian blocks;
//   robertson: the Jacobian of Robertson's kinetics (3 states), as a stiff ODE solver wants it;
//   rosenbrock16_callback: an optimiser's callback, value and gradient of extended Rosenbrock in
//     16 dimensions (written with w[i + 1_c]) into the optimiser's array.
// Variants: _hand (plain double code), _view (families bound by leibniz::view<N>(ptr)), _locals
// (the values copied into std::arrays first, the user's workaround of issue 14), _span
// (std::span of dynamic extent, size checked per call), and for the Jacobian blocks
// _point_block (the camera block null, not computed). Every variant is checked against the
// hand-written code before it is timed, and its last result again after.
#include "common.hpp"
#include "reprojection.hpp"

#include <span>

namespace {
using namespace leibniz::literals;

// ---- the residual, written once for doubles and for leibniz families (reprojection.hpp) -----

using bench::at;
using bench::reprojection;
using bench::values;

constexpr leibniz::var_array<"cam", 9> cam;
constexpr leibniz::var_array<"pt", 3> pt;
constexpr leibniz::var<"ox"> ox;
constexpr leibniz::var<"oy"> oy;
auto const residual = [] {
    auto const [rx, ry] = reprojection(cam, pt, ox, oy);
    return leibniz::outputs(rx, ry);
}();
auto const residual_jacobian = leibniz::value_and_jacobian(residual, cam, pt);

struct observation {
    double x, y;
};

// ---- the variants, each a Ceres-shaped out-of-line call ------------------------------------

[[gnu::noinline]] void residual_hand(double const* const* parameters, double* residuals, observation const& o) {
    auto const [rx, ry] = reprojection(values{parameters[0]}, values{parameters[1]}, o.x, o.y);
    residuals[0] = rx;
    residuals[1] = ry;
}
[[gnu::noinline]] void residual_view(double const* const* parameters, double* residuals, observation const& o) {
    residual.into(residuals)(cam = leibniz::view<9>(parameters[0]), pt = leibniz::view<3>(parameters[1]), ox = o.x,
                             oy = o.y);
}
[[gnu::noinline]] void residual_locals(double const* const* parameters, double* residuals, observation const& o) {
    std::array<double, 9> c;
    std::array<double, 3> p;
    std::copy(parameters[0], parameters[0] + 9, c.begin());
    std::copy(parameters[1], parameters[1] + 3, p.begin());
    auto const r = residual(cam = c, pt = p, ox = o.x, oy = o.y);
    residuals[0] = r[0];
    residuals[1] = r[1];
}
[[gnu::noinline]] void residual_span(double const* const* parameters, double* residuals, observation const& o) {
    residual.into(residuals)(cam = std::span<double const>(parameters[0], 9),
                             pt = std::span<double const>(parameters[1], 3), ox = o.x, oy = o.y);
}

[[gnu::noinline]] void jacobian_view(double const* const* parameters, double* residuals, double** jacobians,
                                     observation const& o) {
    residual_jacobian.into(residuals, jacobians)(cam = leibniz::view<9>(parameters[0]),
                                                 pt = leibniz::view<3>(parameters[1]), ox = o.x, oy = o.y);
}
[[gnu::noinline]] void jacobian_locals(double const* const* parameters, double* residuals, double** jacobians,
                                       observation const& o) {
    std::array<double, 9> c;
    std::array<double, 3> p;
    std::copy(parameters[0], parameters[0] + 9, c.begin());
    std::copy(parameters[1], parameters[1] + 3, p.begin());
    auto const [value, jacobian] = residual_jacobian(cam = c, pt = p, ox = o.x, oy = o.y);
    for (std::size_t r = 0; r < 2; ++r) {  // the copy loops of issue 14
        residuals[r] = value[r];
        for (std::size_t k = 0; k < 9; ++k) jacobians[0][r * 9 + k] = jacobian[r][k];
        for (std::size_t k = 0; k < 3; ++k) jacobians[1][r * 3 + k] = jacobian[r][9 + k];
    }
}

// ---- Robertson's kinetics: y1' = -0.04 y1 + 1e4 y2 y3, y2' = 0.04 y1 - 1e4 y2 y3 - 3e7 y2^2, y3' = 3e7 y2^2

constexpr leibniz::var_array<"y", 3> y;
constexpr auto robertson = leibniz::outputs(
    -leibniz::c<1, 25> * y[0_c] + 10000_c * y[1_c] * y[2_c],
    leibniz::c<1, 25>* y[0_c] - 10000_c * y[1_c] * y[2_c] - 30000000_c * y[1_c] * y[1_c], 30000000_c * y[1_c] * y[1_c]);
constexpr auto robertson_jacobian = leibniz::jacobian(robertson, y);

[[gnu::noinline]] void robertson_hand(double const* state, double* J) {
    double const y2 = state[1], y3 = state[2];
    J[0] = -0.04, J[1] = 1e4 * y3, J[2] = 1e4 * y2;
    J[3] = 0.04, J[4] = -1e4 * y3 - 6e7 * y2, J[5] = -1e4 * y2;
    J[6] = 0.0, J[7] = 6e7 * y2, J[8] = 0.0;
}
[[gnu::noinline]] void robertson_view(double const* state, double* J) {
    robertson_jacobian.into(J)(y = leibniz::view<3>(state));
}
[[gnu::noinline]] void robertson_locals(double const* state, double* J) {
    std::array<double, 3> const s{state[0], state[1], state[2]};
    auto const rows = robertson_jacobian(y = s);
    for (std::size_t r = 0; r < 3; ++r)
        for (std::size_t k = 0; k < 3; ++k) J[r * 3 + k] = rows[r][k];
}

// ---- an optimiser's callback: double f(double const* x, double* g), extended Rosenbrock in 16 dimensions

constexpr std::size_t dimensions = 16;
constexpr leibniz::var_array<"x", dimensions> x;
constexpr auto rosenbrock = leibniz::sum<dimensions - 1>(
    [](auto i) { return 100_c * leibniz::square(x[i + 1_c] - x[i] * x[i]) + leibniz::square(1_c - x[i]); });
constexpr auto rosenbrock_value_and_gradient = leibniz::value_and_gradient(rosenbrock, x);

[[gnu::noinline]] double callback_hand(double const* v, double* g) {
    double f = 0.0;
    for (std::size_t i = 0; i < dimensions; ++i) g[i] = 0.0;
    for (std::size_t i = 0; i + 1 < dimensions; ++i) {
        double const u = v[i + 1] - v[i] * v[i], w = 1.0 - v[i];
        f += 100.0 * u * u + w * w;
        g[i] += -400.0 * u * v[i] - 2.0 * w;
        g[i + 1] += 200.0 * u;
    }
    return f;
}
[[gnu::noinline]] double callback_view(double const* v, double* g) {
    return rosenbrock_value_and_gradient.into(g)(x = leibniz::view<dimensions>(v));
}

// ---- the harness ---------------------------------------------------------------------------

constexpr std::array<double, 9> camera_in{0.02, -0.03, 0.015, 0.1, -0.2, 4.0, 500.0, -0.05, 0.01};
constexpr std::array<double, 3> point_in{0.3, -0.1, 1.2};
constexpr observation seen{-31.0, 12.0};
constexpr std::array<double, 3> state_in{0.9, 3e-5, 0.1};

/// The parameters, reloaded through volatile at each iteration (bench::load says why) into one
/// of two slots while the call reads the other, loaded one iteration before: a call that reads
/// two numbers at once (SSE) from numbers just stored one at a time waits for the stores
/// (store-to-load forwarding fails), which cost the hand-written residual 38 ns against 16.
struct parameter_slot {
    std::array<double, 9> camera;
    std::array<double, 3> point;
    double const* parameters[2] = {camera.data(), point.data()};
    void reload() {
        camera = bench::load(camera_in);
        point = bench::load(point_in);
    }
};
struct ceres_call {
    parameter_slot slot[2];
    unsigned next = 0;
    std::array<double, 2> residuals{};
    std::array<double, 18> camera_block{};
    std::array<double, 6> point_block{};
    double* jacobians[2] = {camera_block.data(), point_block.data()};
    ceres_call() {
        slot[0].reload();
        slot[1].reload();
    }
    /// The parameters to read now; the other slot is reloaded for the next call.
    double const* const* parameters() {
        next ^= 1u;
        slot[next].reload();
        return slot[next ^ 1u].parameters;
    }
};

using residual_call = void (*)(double const* const*, double*, observation const&);
using jacobian_call = void (*)(double const* const*, double*, double**, observation const&);

std::array<double, 2> residuals_of(residual_call f) {
    ceres_call call;
    f(call.parameters(), call.residuals.data(), seen);
    return call.residuals;
}

/// Central differences of the hand-written residual: the reference for the Jacobian blocks.
std::array<double, 24> finite_difference_blocks() {
    std::array<double, 24> blocks{};
    for (std::size_t j = 0; j < 12; ++j) {
        parameter_slot up, down;
        up.reload();
        down.reload();
        double* u = j < 9 ? &up.camera[j] : &up.point[j - 9];
        double* d = j < 9 ? &down.camera[j] : &down.point[j - 9];
        double const h = 1e-6 * std::max(1.0, std::abs(*u));
        *u += h;
        *d -= h;
        std::array<double, 2> r_up, r_down;
        residual_hand(up.parameters, r_up.data(), seen);
        residual_hand(down.parameters, r_down.data(), seen);
        for (std::size_t r = 0; r < 2; ++r) {
            double const g = (r_up[r] - r_down[r]) / (2 * h);
            if (j < 9) blocks[r * 9 + j] = g;
            else blocks[18 + r * 3 + (j - 9)] = g;
        }
    }
    return blocks;
}

std::array<double, 24> joined(std::array<double, 18> const& a, std::array<double, 6> const& b) {
    std::array<double, 24> all{};
    std::copy(a.begin(), a.end(), all.begin());
    std::copy(b.begin(), b.end(), all.begin() + 18);
    return all;
}

void time_residual(benchmark::State& state, residual_call f) {
    static std::array<double, 2> const want = residuals_of(residual_hand);
    if (!bench::check(state, residuals_of(f), want, 1e-12)) return;
    ceres_call call;
    for (auto _ : state) {
        f(call.parameters(), call.residuals.data(), seen);
        benchmark::DoNotOptimize(call.residuals.data());
        benchmark::ClobberMemory();
    }
    bench::check(state, call.residuals, want, 1e-12);
}

/// blocks: which of the two Jacobian blocks are asked for (bit 0 camera, bit 1 point).
void time_jacobian(benchmark::State& state, jacobian_call f, unsigned blocks) {
    static std::array<double, 24> const want = finite_difference_blocks();
    ceres_call call;
    auto run = [&] {
        double* wanted[2] = {blocks & 1u ? call.jacobians[0] : nullptr, blocks & 2u ? call.jacobians[1] : nullptr};
        f(call.parameters(), call.residuals.data(), wanted, seen);
    };
    auto checked = [&] {
        std::array<double, 24> got = joined(call.camera_block, call.point_block);
        std::array<double, 24> expected = want;
        for (std::size_t i = 0; i < 24; ++i)
            if (!((i < 18 ? blocks & 1u : blocks & 2u))) got[i] = expected[i] = 0.0;  // not asked for
        return bench::check(state, got, expected, 1e-5) &&
               bench::check(state, call.residuals, residuals_of(residual_hand), 1e-12);
    };
    run();
    if (!checked()) return;
    for (auto _ : state) {
        run();
        benchmark::DoNotOptimize(call.residuals.data());
        benchmark::ClobberMemory();
    }
    checked();
}

void time_robertson(benchmark::State& state, void (*f)(double const*, double*)) {
    std::array<double, 9> want{}, got{};
    robertson_hand(state_in.data(), want.data());
    f(state_in.data(), got.data());
    if (!bench::check(state, got, want, 1e-14)) return;
    std::array<double, 3> s[2] = {state_in, state_in};  // two slots, as ceres_call's
    unsigned next = 0;
    for (auto _ : state) {
        next ^= 1u;
        s[next] = bench::load(state_in);
        f(s[next ^ 1u].data(), got.data());
        benchmark::DoNotOptimize(got.data());
        benchmark::ClobberMemory();
    }
    bench::check(state, got, want, 1e-14);
}

constexpr std::array<double, dimensions> point_of_rosenbrock = [] {
    std::array<double, dimensions> v{};
    for (std::size_t i = 0; i < dimensions; ++i) v[i] = (i % 2 == 0 ? -1.2 : 1.0) + 0.05 * double(i);
    return v;
}();

void time_callback(benchmark::State& state, double (*f)(double const*, double*)) {
    std::array<double, dimensions + 1> want{}, got{};  // the gradient, then the value
    want[dimensions] = callback_hand(point_of_rosenbrock.data(), want.data());
    got[dimensions] = f(point_of_rosenbrock.data(), got.data());
    if (!bench::check(state, got, want, 1e-13)) return;
    std::array<double, dimensions> v[2] = {point_of_rosenbrock, point_of_rosenbrock};  // two slots, as ceres_call's
    unsigned next = 0;
    for (auto _ : state) {
        next ^= 1u;
        v[next] = bench::load(point_of_rosenbrock);
        got[dimensions] = f(v[next ^ 1u].data(), got.data());
        benchmark::DoNotOptimize(got.data());
        benchmark::ClobberMemory();
    }
    bench::check(state, got, want, 1e-13);
}

}  // namespace

BENCHMARK_CAPTURE(time_callback, callback_hand, callback_hand)->Name("BM_rosenbrock16_callback_hand");
BENCHMARK_CAPTURE(time_callback, callback_view, callback_view)->Name("BM_rosenbrock16_callback_view");
BENCHMARK_CAPTURE(time_residual, reprojection_hand, residual_hand)->Name("BM_reprojection_hand");
BENCHMARK_CAPTURE(time_residual, reprojection_view, residual_view)->Name("BM_reprojection_view");
BENCHMARK_CAPTURE(time_residual, reprojection_locals, residual_locals)->Name("BM_reprojection_locals");
BENCHMARK_CAPTURE(time_residual, reprojection_span, residual_span)->Name("BM_reprojection_span");
BENCHMARK_CAPTURE(time_jacobian, jacobian_view, jacobian_view, 3u)->Name("BM_reprojection_jacobian_view");
BENCHMARK_CAPTURE(time_jacobian, jacobian_locals, jacobian_locals, 3u)->Name("BM_reprojection_jacobian_locals");
BENCHMARK_CAPTURE(time_jacobian, jacobian_point_block, jacobian_view, 2u)->Name("BM_reprojection_jacobian_point_block");
BENCHMARK_CAPTURE(time_robertson, robertson_hand, robertson_hand)->Name("BM_robertson_jacobian_hand");
BENCHMARK_CAPTURE(time_robertson, robertson_view, robertson_view)->Name("BM_robertson_jacobian_view");
BENCHMARK_CAPTURE(time_robertson, robertson_locals, robertson_locals)->Name("BM_robertson_jacobian_locals");
