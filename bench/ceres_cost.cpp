// The reprojection residual as a Ceres cost function, called as Ceres calls it (the virtual
// Evaluate, parameters behind pointers, Jacobian blocks into Ceres' arrays), three ways side by
// side (issue 14): leibniz's adapter (<leibniz/ceres.hpp>), Ceres' own AutoDiffCostFunction
// (Jet), and the Jacobian written by hand (reprojection_analytic.hpp, the reference), with both
// Jacobian blocks, with the point block only (a constant camera) and with the residuals only
// (jacobians null, Ceres' call for the cost alone). Before it is timed, each variant is checked
// against the other two in all four combinations of blocks, and its last result again after.
// Built where CMake finds Ceres (libceres-dev); elsewhere it registers nothing.
#include "common.hpp"

#if LEIBNIZ_HAVE_CERES
#include <ceres/ceres.h>

#include <leibniz/ceres.hpp>

#include <memory>

#include "reprojection.hpp"
#include "reprojection_analytic.hpp"

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

// which Jacobian blocks are asked for: bit 0 the camera's, bit 1 the point's; none is Ceres'
// call for the cost alone, with jacobians == nullptr
enum wanted : unsigned { residuals_only = 0u, camera_block = 1u, point_block = 2u, both_blocks = 3u };

// residuals (2), then the camera block (2 x 9) and the point block (2 x 3), row-major; a block
// not asked for stays 0
std::array<double, 26> evaluate(ceres::CostFunction const& cost, std::array<double, 12> const& in,
                                unsigned blocks_wanted) {
    std::array<double, 26> out{};
    double const* parameters[2] = {in.data(), in.data() + 9};
    double* blocks[2] = {blocks_wanted & camera_block ? out.data() + 2 : nullptr,
                         blocks_wanted & point_block ? out.data() + 20 : nullptr};
    cost.Evaluate(parameters, out.data(), blocks_wanted == residuals_only ? nullptr : blocks);
    return out;
}

enum variant { leibniz_adapter, jet, hand };
constexpr char const* variant_names[] = {"leibniz", "jet", "hand"};

ceres::CostFunction const& cost(variant v) {
    static std::unique_ptr<ceres::CostFunction> const costs[] = {
        std::unique_ptr<ceres::CostFunction>(make_cost(ox = observed_x, oy = observed_y)),
        std::make_unique<ceres::AutoDiffCostFunction<jet_residual, 2, 9, 3>>(new jet_residual{observed_x, observed_y}),
        std::make_unique<bench::analytic_reprojection_cost>(observed_x, observed_y)};
    return *costs[v];
}

/// Checks the variant against the other two in every combination of blocks, times it for one,
/// and checks its last result again. As Ceres calls it: into arrays that persist across calls
/// (a block not asked for is not written), the parameters reloaded through volatile
/// (bench::load says why) at each call into one of two slots while the call reads the other,
/// loaded one call before (bench/bindings.cpp: a call that reads two numbers at once from
/// numbers just stored one at a time waits for the stores).
void time_cost(benchmark::State& state, variant v, unsigned blocks_wanted) {
    ceres::CostFunction const& f = cost(v);
    for (variant other : {leibniz_adapter, jet, hand})
        for (unsigned combination : {residuals_only, camera_block, point_block, both_blocks})
            if (other != v &&
                !bench::check(state, evaluate(f, start, combination), evaluate(cost(other), start, combination), 1e-12))
                return;
    std::array<double, 26> const mine = evaluate(f, start, blocks_wanted);
    std::array<double, 12> slot[2] = {bench::load(start), bench::load(start)};
    double const* parameters[2][2] = {{slot[0].data(), slot[0].data() + 9}, {slot[1].data(), slot[1].data() + 9}};
    std::array<double, 26> out{};
    double* blocks[2] = {blocks_wanted & camera_block ? out.data() + 2 : nullptr,
                         blocks_wanted & point_block ? out.data() + 20 : nullptr};
    double** const jacobians = blocks_wanted == residuals_only ? nullptr : blocks;
    unsigned next = 0;
    for (auto _ : state) {
        next ^= 1u;
        slot[next] = bench::load(start);
        f.Evaluate(parameters[next ^ 1u], out.data(), jacobians);
        benchmark::DoNotOptimize(out.data());
        benchmark::ClobberMemory();
    }
    bench::check(state, out, mine, 0.0);
}

[[maybe_unused]] bool const registered = [] {
    for (auto [combination, name] : {std::pair{both_blocks, "both_blocks"}, std::pair{point_block, "point_block"},
                                     std::pair{residuals_only, "residuals_only"}})
        for (variant v : {hand, leibniz_adapter, jet})
            benchmark::RegisterBenchmark(
                (std::string("BM_ceres_reprojection_") + name + "_" + variant_names[v]).c_str(),
                [v, c = combination](benchmark::State& state) { time_cost(state, v, c); });
    return true;
}();
}  // namespace
#endif
