// The reprojection residual as a Ceres cost function, called as Ceres calls it (the virtual
// Evaluate, parameters behind pointers, Jacobian blocks into Ceres' arrays): leibniz's adapter
// (<leibniz/ceres.hpp>) against Ceres' own AutoDiffCostFunction (Jet), with both Jacobian
// blocks and with the point block only (a constant camera), each checked against the other
// before it is timed. Built where CMake finds Ceres (libceres-dev); elsewhere it registers nothing.
#include "common.hpp"

#if LEIBNIZ_HAVE_CERES
#include <ceres/ceres.h>

#include <leibniz/ceres.hpp>

#include <memory>

#include "reprojection.hpp"

namespace {
constexpr leibniz::var_array<"cam", 9> cam;
constexpr leibniz::var_array<"pt", 3> pt;
constexpr leibniz::var<"ox"> ox;
constexpr leibniz::var<"oy"> oy;
auto const make_cost = [] {
    auto const [rx, ry] = bench::reprojection(cam, pt, ox, oy);
    return leibniz::cost_function(leibniz::outputs(rx, ry), cam, pt);
}();

struct jet_residual {
    double x, y;
    template <class T> bool operator()(T const* c, T const* p, T* out) const {
        auto const [rx, ry] = bench::reprojection(c, p, T(x), T(y));
        out[0] = rx;
        out[1] = ry;
        return true;
    }
};

constexpr double observed_x = -326.5, observed_y = 58.25;
std::array<double, 12> const start{0.12, -0.05, 0.02, 0.3, -0.2, -4.5, 800.0, -0.1, 0.02, 0.4, -0.3, 0.8};

// residuals (2), then the camera block (2 x 9) and the point block (2 x 3), row-major
template <bool Camera> std::array<double, 26> evaluate(ceres::CostFunction const& cost, std::array<double, 12> const& in) {
    std::array<double, 26> out{};
    double const* parameters[2] = {in.data(), in.data() + 9};
    double* blocks[2] = {Camera ? out.data() + 2 : nullptr, out.data() + 20};
    cost.Evaluate(parameters, out.data(), blocks);
    return out;
}

[[maybe_unused]] bool const registered = [] {
    static std::unique_ptr<ceres::CostFunction> const ours(make_cost(ox = observed_x, oy = observed_y));
    static std::unique_ptr<ceres::CostFunction> const jets(
        new ceres::AutoDiffCostFunction<jet_residual, 2, 9, 3>(new jet_residual{observed_x, observed_y}));
    static std::array<double, 26> const want_both = evaluate<true>(*jets, start);
    static std::array<double, 26> const want_point = evaluate<false>(*jets, start);
    benchmark::RegisterBenchmark("BM_ceres_reprojection_both_blocks_leibniz", [](benchmark::State& state) {
        bench::timed(state, start, want_both, [](std::array<double, 12> const& in) { return evaluate<true>(*ours, in); }, 1e-12);
    });
    benchmark::RegisterBenchmark("BM_ceres_reprojection_both_blocks_jet", [](benchmark::State& state) {
        bench::timed(state, start, want_both, [](std::array<double, 12> const& in) { return evaluate<true>(*jets, in); }, 1e-12);
    });
    benchmark::RegisterBenchmark("BM_ceres_reprojection_point_block_leibniz", [](benchmark::State& state) {
        bench::timed(state, start, want_point, [](std::array<double, 12> const& in) { return evaluate<false>(*ours, in); }, 1e-12);
    });
    benchmark::RegisterBenchmark("BM_ceres_reprojection_point_block_jet", [](benchmark::State& state) {
        bench::timed(state, start, want_point, [](std::array<double, 12> const& in) { return evaluate<false>(*jets, in); }, 1e-12);
    });
    return true;
}();
}  // namespace
#endif
