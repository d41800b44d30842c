// Bundle adjustment of a synthetic scene (20 cameras, 500 points, 5,000 observations) solved by
// Ceres Solver three times from the same start, with three cost functions for the same
// residual: Ceres' own automatic differentiation (AutoDiffCostFunction, the residual templated
// on Jet), leibniz's adapter (leibniz::cost_function: value and Jacobian from one compile-time
// forward and reverse sweep), and a Jacobian written by hand (bench/reprojection_analytic.hpp,
// which bench/ceres_cost.cpp times too). The residual is Snavely's (angle-axis rotation,
// translation, focal length, two radial distortion terms), written once in
// bench/reprojection.hpp for leibniz expressions, doubles and Jets.
//
// It checks that the three cost functions agree at every observation of the start, that each
// solve lowers the cost far below its start, and that the three reach the same final cost.
// Built only where CMake finds Ceres (libceres-dev).
#include <ceres/ceres.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <random>
#include <vector>

#include <leibniz/ceres.hpp>
#include <leibniz/leibniz.hpp>

#include "../bench/reprojection.hpp"
#include "../bench/reprojection_analytic.hpp"
#include "compare.hpp"

namespace {

constexpr std::size_t camera_count = 20, point_count = 500, views_per_point = 10;  // 5,000 observations

// ---- the three cost functions of one observation (u, v) ------------------------------------

constexpr leibniz::var_array<"camera", 9> camera;
constexpr leibniz::var_array<"point", 3> point;
constexpr leibniz::var<"u"> u;
constexpr leibniz::var<"v"> v;

auto const leibniz_cost = [] {
    auto const r = bench::reprojection(camera, point, u, v);
    return leibniz::cost_function(leibniz::outputs(r.first, r.second), camera, point);
}();

struct jet_residual {
    double u, v;
    template <class T> bool operator()(T const* cam, T const* pt, T* out) const {
        auto const r = bench::reprojection(cam, pt, T(u), T(v));
        out[0] = r.first;
        out[1] = r.second;
        return true;
    }
};
ceres::CostFunction* jet_cost(double observed_u, double observed_v) {
    return new ceres::AutoDiffCostFunction<jet_residual, 2, 9, 3>(new jet_residual{observed_u, observed_v});
}
// the third, the Jacobian by hand: bench::analytic_reprojection_cost (bench/reprojection_analytic.hpp)

// ---- the synthetic scene ------------------------------------------------------------------

/// Numbers from std::mt19937's raw output, mapped by our own arithmetic: the engine's sequence is
/// fixed by the standard, its distributions are not, so the scene is the same with every library.
class random_numbers {
public:
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * ((static_cast<double>(bits_()) + 0.5) / 4294967296.0);
    }
    std::size_t below(std::size_t n) { return static_cast<std::size_t>(bits_() % n); }

private:
    std::mt19937 bits_{20261201u};
};

struct observation {
    std::size_t camera, point;
    double u, v;
};

struct scene {
    std::vector<std::array<double, 9>> cameras;  // the start, perturbed from the truth
    std::vector<std::array<double, 3>> points;
    std::vector<observation> observations;
};

scene make_scene() {
    random_numbers random;
    scene truth;
    // cameras about 6 units in front of a cube of points (Snavely's cameras look down -z)
    for (std::size_t c = 0; c < camera_count; ++c)
        truth.cameras.push_back({random.uniform(-0.15, 0.15), random.uniform(-0.15, 0.15), random.uniform(-0.15, 0.15),
                                 random.uniform(-0.5, 0.5), random.uniform(-0.5, 0.5), random.uniform(-6.5, -5.5),
                                 random.uniform(450, 550), random.uniform(-0.06, -0.04), random.uniform(0.005, 0.015)});
    for (std::size_t p = 0; p < point_count; ++p)
        truth.points.push_back({random.uniform(-1, 1), random.uniform(-1, 1), random.uniform(-1, 1)});
    // each point seen by views_per_point distinct cameras (a partial Fisher-Yates shuffle),
    // observed with uniform noise of +-0.5 pixel
    for (std::size_t p = 0; p < point_count; ++p) {
        std::array<std::size_t, camera_count> order{};
        for (std::size_t c = 0; c < camera_count; ++c) order[c] = c;
        for (std::size_t k = 0; k < views_per_point; ++k) {
            std::swap(order[k], order[k + random.below(camera_count - k)]);
            std::size_t const c = order[k];
            auto const r = bench::reprojection(bench::values{truth.cameras[c].data()},
                                               bench::values{truth.points[p].data()}, 0.0, 0.0);
            truth.observations.push_back(
                {c, p, r.first + random.uniform(-0.5, 0.5), r.second + random.uniform(-0.5, 0.5)});
        }
    }
    // the start: every camera and point moved
    scene start = truth;
    for (auto& cam : start.cameras) {
        for (std::size_t i = 0; i < 3; ++i) cam[i] += random.uniform(-0.02, 0.02);
        for (std::size_t i = 3; i < 6; ++i) cam[i] += random.uniform(-0.1, 0.1);
        cam[6] += random.uniform(-20, 20);
        cam[7] += random.uniform(-0.01, 0.01);
        cam[8] += random.uniform(-0.002, 0.002);
    }
    for (auto& pt : start.points)
        for (double& x : pt) x += random.uniform(-0.1, 0.1);
    return start;
}

// ---- the comparison -----------------------------------------------------------------------

enum class way { jet, leibniz, analytic };
char const* name(way w) {
    return w == way::jet       ? "Jet (AutoDiffCostFunction)"
           : w == way::leibniz ? "leibniz::cost_function"
                               : "hand-written Jacobian";
}

ceres::CostFunction* make_cost(way w, observation const& o) {
    switch (w) {
        case way::jet:
            return jet_cost(o.u, o.v);
        case way::leibniz:
            return leibniz_cost(u = o.u, v = o.v);
        case way::analytic:
            break;
    }
    return new bench::analytic_reprojection_cost(o.u, o.v);
}

/// Residuals (2), then the camera block (2 x 9) and the point block (2 x 3), row-major.
std::array<double, 26> evaluate(ceres::CostFunction const& cost, std::array<double, 9> const& cam,
                                std::array<double, 3> const& pt) {
    std::array<double, 26> out{};
    double const* parameters[2] = {cam.data(), pt.data()};
    double* blocks[2] = {out.data() + 2, out.data() + 20};
    cost.Evaluate(parameters, out.data(), blocks);
    return out;
}

/// The largest difference between two evaluations, each entry relative to the largest entry of
/// its row of its block (entries of one row differ by orders of magnitude: d/dk2 is f r^4 x,
/// d/da is about f, and an entry that cancels to near zero has only the row's absolute accuracy).
double largest_difference(std::array<double, 26> const& a, std::array<double, 26> const& b) {
    auto segment = [&](std::size_t from, std::size_t length) {
        double scale = 0, worst = 0;
        for (std::size_t i = from; i < from + length; ++i) scale = std::max({scale, std::abs(a[i]), std::abs(b[i])});
        for (std::size_t i = from; i < from + length; ++i) worst = std::max(worst, std::abs(a[i] - b[i]));
        return scale > 0 ? worst / scale : worst;
    };
    return std::max({segment(0, 2), segment(2, 9), segment(11, 9), segment(20, 3), segment(23, 3)});
}

struct solved {
    double start_cost, final_cost, seconds, jacobian_seconds;
    int iterations;
    bool usable;
};

solved solve(way w, scene s) {  // s by value: each solve starts from its own copy of the start
    ceres::Problem problem;
    for (auto const& o : s.observations)
        problem.AddResidualBlock(make_cost(w, o), nullptr, s.cameras[o.camera].data(), s.points[o.point].data());
    problem.SetParameterBlockConstant(s.cameras[0].data());  // fixes the rotation and translation of the scene
    ceres::Solver::Options options;
    options.linear_solver_type = ceres::DENSE_SCHUR;  // 20 cameras: a 171 x 171 reduced camera system
    options.num_threads = 1;
    options.max_num_iterations = 50;
    options.function_tolerance = 1e-12;
    options.gradient_tolerance = 1e-14;
    options.parameter_tolerance = 1e-12;
    options.logging_type = ceres::SILENT;
    ceres::Solver::Summary summary;
    ceres::Solve(options, &problem, &summary);
    return {summary.initial_cost,
            summary.final_cost,
            summary.total_time_in_seconds,
            summary.jacobian_evaluation_time_in_seconds,
            summary.num_successful_steps + summary.num_unsuccessful_steps,
            summary.IsSolutionUsable()};
}

}  // namespace

int main() {
    examples::comparison compare;
    scene const start = make_scene();
    std::printf("bundle adjustment: %zu cameras, %zu points, %zu observations\n\n", start.cameras.size(),
                start.points.size(), start.observations.size());

    // the three cost functions at every observation of the start: residuals and both blocks
    double leibniz_vs_jet = 0, analytic_vs_jet = 0, analytic_vs_leibniz = 0;
    for (auto const& o : start.observations) {
        std::array<double, 26> results[3];
        for (way w : {way::jet, way::leibniz, way::analytic}) {
            std::unique_ptr<ceres::CostFunction> const cost(make_cost(w, o));
            results[static_cast<int>(w)] = evaluate(*cost, start.cameras[o.camera], start.points[o.point]);
        }
        leibniz_vs_jet = std::max(leibniz_vs_jet, largest_difference(results[1], results[0]));
        analytic_vs_jet = std::max(analytic_vs_jet, largest_difference(results[2], results[0]));
        analytic_vs_leibniz = std::max(analytic_vs_leibniz, largest_difference(results[2], results[1]));
    }
    compare.header();
    compare("leibniz vs Jet, largest (relative)", leibniz_vs_jet, 0.0, 1e-12);
    compare("by hand vs Jet, largest (relative)", analytic_vs_jet, 0.0, 1e-12);
    compare("by hand vs leibniz, largest", analytic_vs_leibniz, 0.0, 1e-12);

    solved results[3];
    std::printf("\n  %-28s %12s %14s %6s %9s %12s\n", "cost function", "start cost", "final cost", "steps", "solve ms",
                "Jacobians ms");
    for (way w : {way::jet, way::leibniz, way::analytic}) {
        solved const& r = results[static_cast<int>(w)] = solve(w, start);
        std::printf("  %-28s %12.6g %14.10g %6d %9.2f %12.2f\n", name(w), r.start_cost, r.final_cost, r.iterations,
                    1e3 * r.seconds, 1e3 * r.jacobian_seconds);
    }
    std::printf("\n");
    compare.header();
    for (solved const& r : results) compare.holds("solution usable", r.usable);
    solved const& jet = results[0];
    // the noise alone leaves about (residuals - free parameters) / 2 times the noise's variance
    // 1/12: 0.5 * (10,000 - 1,671) / 12 = 347, give or take 4 (the standard deviation of half a
    // sum of 10,000 squares of uniform noise); the start is about 750 times above it
    compare("final cost (Jet)", jet.final_cost, 347.0, 20.0);
    compare.holds("final cost below start / 500", jet.final_cost < jet.start_cost / 500);
    // each solve stops when a step changes the cost by less than 1e-12 of it (measured: 6e-14 at
    // the last step), so each final cost is within about 1e-13 of the minimum's; the cost
    // functions differ by rounding (1e-13 above), which at a minimum moves the cost only to
    // second order. 1e-10 leaves room for other compilers and libm's sin and cos.
    for (solved const& r : {results[1], results[2]}) {
        compare("final cost relative to Jet's", r.final_cost / jet.final_cost - 1, 0.0, 1e-10);
        compare("start cost relative to Jet's", r.start_cost / jet.start_cost - 1, 0.0, 1e-14);
    }
    return compare.exit_code();
}
