#pragma once
// Many observations on many cores: the reprojection residual's value and Jacobian
// (reprojection.hpp) over a range of observation records, each written into its row of the
// caller's array, by one plain loop or by the same loop under OpenMP. Each record is computed
// alone from what it reads (value_and_jacobian's sweeps keep everything on the stack, and
// `into` writes nowhere else), so the records can be shared out among threads in any way and the
// results do not depend on it. Shared by bench/parallel_batch.cpp (one core against two) and
// tests/openmp/parallel_batch.cpp (the parallel results equal the serial ones bit for bit).
#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

#include <leibniz/leibniz.hpp>

#include "reprojection.hpp"

namespace bench {

/// One observation: which camera saw which point, and where (u, v) in the image.
struct observation_record {
    std::uint32_t camera, point;
    double u, v;
};

/// A record's results: the 2 residuals, then the 2 x 12 Jacobian by (camera 9, point 3), row-major.
inline constexpr std::size_t batch_row = 2 + 2 * 12;

namespace batch {
inline constexpr leibniz::var_array<"camera", 9> camera;
inline constexpr leibniz::var_array<"point", 3> point;
inline constexpr leibniz::var<"u"> u;
inline constexpr leibniz::var<"v"> v;

/// The kernel: value_and_jacobian of the two residuals by both families, made once.
inline auto const& kernel() {
    static auto const function = [] {
        auto const r = reprojection(camera, point, u, v);
        return leibniz::value_and_jacobian(leibniz::outputs(r.first, r.second), camera, point);
    }();
    return function;
}

/// A record's residuals and Jacobian into its row; cameras and points are the parameter
/// arrays, 9 and 3 numbers each, read in place (view<N>).
template <class Kernel>
[[gnu::always_inline]] inline void evaluate_record(Kernel const& kernel, observation_record const& r,
                                                   double const* cameras, double const* points, double* row) {
    kernel.into(row, row + 2)(camera = leibniz::view<9>(cameras + 9 * std::size_t{r.camera}),
                              point = leibniz::view<3>(points + 3 * std::size_t{r.point}), u = r.u, v = r.v);
}
}  // namespace batch

/// The records one after the other, on the calling thread: record i into out[i * batch_row ...].
inline void reprojection_batch_serial(std::span<observation_record const> records, double const* cameras,
                                      double const* points, double* out) {
    auto const& kernel = batch::kernel();
    for (std::size_t i = 0; i < records.size(); ++i)
        batch::evaluate_record(kernel, records[i], cameras, points, out + i * batch_row);
}

#if defined(_OPENMP)
/// The same loop shared out among `threads` threads by OpenMP, each thread taking the next
/// stretch of 1,024 records when it is done with its last (schedule(dynamic, 1024)): on a
/// machine shared with other work, a thread that loses its core for a while leaves the rest to
/// the others, where schedule(static) would make the whole batch wait for its half. Allocates
/// nothing itself (the OpenMP runtime makes its threads once, at the first parallel region).
inline void reprojection_batch_parallel(std::span<observation_record const> records, double const* cameras,
                                        double const* points, double* out, int threads) {
    auto const& kernel = batch::kernel();
    auto const n = static_cast<std::ptrdiff_t>(records.size());
#pragma omp parallel for num_threads(threads) schedule(dynamic, 1024)
    for (std::ptrdiff_t i = 0; i < n; ++i) {
        auto const k = static_cast<std::size_t>(i);
        batch::evaluate_record(kernel, records[k], cameras, points, out + k * batch_row);
    }
}
#endif

/// A synthetic scene: `cameras` cameras about 6 units in front of `points` points in a cube,
/// and `records` observations of random (camera, point) pairs at random image points. Numbers from
/// std::mt19937's raw output by our own arithmetic (its distributions differ between libraries).
struct batch_scene {
    std::vector<double> cameras, points;  // 9 and 3 numbers each
    std::vector<observation_record> records;
};
inline batch_scene make_batch_scene(std::size_t records, std::size_t cameras, std::size_t points) {
    std::mt19937 bits{20261201u};
    auto uniform = [&](double lo, double hi) {
        return lo + (hi - lo) * ((static_cast<double>(bits()) + 0.5) / 4294967296.0);
    };
    batch_scene s;
    for (std::size_t c = 0; c < cameras; ++c)
        for (double x :
             {uniform(-0.15, 0.15), uniform(-0.15, 0.15), uniform(-0.15, 0.15), uniform(-0.5, 0.5), uniform(-0.5, 0.5),
              uniform(-6.5, -5.5), uniform(450, 550), uniform(-0.06, -0.04), uniform(0.005, 0.015)})
            s.cameras.push_back(x);
    for (std::size_t i = 0; i < 3 * points; ++i) s.points.push_back(uniform(-1, 1));
    for (std::size_t i = 0; i < records; ++i) {
        auto const c = static_cast<std::uint32_t>(bits() % cameras);
        auto const p = static_cast<std::uint32_t>(bits() % points);
        s.records.push_back({c, p, uniform(-150, 150), uniform(-150, 150)});
    }
    return s;
}

}  // namespace bench
