// Problem 10: gradients at many points, in lanes. The small problems' gradients over a batch of
// 128 points, held as a user holds them (one array per coordinate), the batch gradient or the
// per-point gradients written back into the user's arrays:
//   rosenbrock: 100 (y - x^2)^2 + (1 - x)^2 by (x, y), at each point (per-point gradients out);
//   rosenbrock16: the extended Rosenbrock function in 16 dimensions, its gradient at each point;
//   neuron:     (sigmoid(w1 x1 + w2 x2 + b) - y)^2 by (w1, w2, b), summed over the data points;
//   mixture:    -log(sum_k exp(-(x - mu_k)^2 / 2)) by mu_1..3, summed over the data points.
// Variants: _double (the double engine, one point per sweep: the loop a user writes first),
// _lanes4 (simd<double, simd_abi::deduce_t<double, 4>>: four points per sweep, in one register
// with AVX2), _fixed4 (fixed_size_simd<double, 4>: the same lanes, which GCC 12 copies in 16-byte
// pieces that the next 32-byte load must wait for; -mmove-max=256 mends it), _native
// (native_simd<double>: 2 lanes with SSE2, 4 with AVX2), _hand (the gradient written by hand in
// doubles, one point at a time, which the compiler may vectorise itself). Where the
// build machine runs AVX2 and FMA, CMake compiles this file with -mavx2 -mfma (all variants
// alike); the context line "isa" says which. Every variant is checked against _hand before it is
// timed. (AVX-512 is not used: Clang with libstdc++'s simd computes wrong numbers with it,
// which leibniz refuses; detail/number.hpp.)
#include "common.hpp"

#include <experimental/simd>
#include <vector>

namespace {
using namespace leibniz::literals;
namespace stdx = std::experimental;
using lanes4 = stdx::simd<double, stdx::simd_abi::deduce_t<double, 4>>;
using fixed4 = stdx::fixed_size_simd<double, 4>;
using native = stdx::native_simd<double>;

constexpr std::size_t points = 128;  // 16 coordinates in and out: 32 KiB, in L1, so the sweep is measured, not memory

constexpr leibniz::var<"x"> x;
constexpr leibniz::var<"y"> y;
constexpr leibniz::var<"w1"> w1;
constexpr leibniz::var<"w2"> w2;
constexpr leibniz::var<"b"> b;
constexpr leibniz::var<"x1"> x1;
constexpr leibniz::var<"x2"> x2;
constexpr leibniz::var_array<"mu", 3> mu;

auto const rosenbrock = 100_c * square(y - square(x)) + square(1_c - x);
auto const neuron = square(sigmoid(w1 * x1 + w2 * x2 + b) - y);
auto const mixture = -log(leibniz::sum<3>([](auto k) { return exp(-square(x - mu[k]) / 2_c); }));

auto const rosenbrock_gradient = leibniz::gradient(rosenbrock, x, y);
auto const neuron_gradient = leibniz::gradient(neuron, w1, w2, b);
auto const mixture_gradient = leibniz::gradient(mixture, mu);

// the batch, a coordinate per array; its values read once through volatile (google/benchmark#903)
struct batch {
    std::vector<double> a, c, d;
    batch() : a(points), c(points), d(points) {
        for (std::size_t i = 0; i < points; ++i) {
            double const t = static_cast<double>(i) / points;
            a[i] = -1.5 + 3.0 * t;
            c[i] = 0.5 - std::sin(7.0 * t);
            d[i] = t < 0.5 ? 0.0 : 1.0;
        }
        for (auto* v : {&a, &c, &d})
            for (double& e : *v) {
                volatile double loaded = e;
                e = loaded;
            }
    }
};
batch const data;

// ---- rosenbrock: per-point gradients into the user's two arrays ---------------------------

struct rosenbrock_out {
    std::vector<double> gx = std::vector<double>(points), gy = std::vector<double>(points);
};

void rosenbrock_hand(rosenbrock_out& out) {
    for (std::size_t i = 0; i < points; ++i) {
        double const px = data.a[i], py = data.c[i], r = py - px * px;
        out.gx[i] = -400.0 * px * r - 2.0 * (1.0 - px);
        out.gy[i] = 200.0 * r;
    }
}
void rosenbrock_double(rosenbrock_out& out) {
    for (std::size_t i = 0; i < points; ++i) {
        auto const g = rosenbrock_gradient(x = data.a[i], y = data.c[i]);
        out.gx[i] = g[0];
        out.gy[i] = g[1];
    }
}
template <class L> void rosenbrock_lanes(rosenbrock_out& out) {
    for (std::size_t i = 0; i < points; i += L::size()) {
        auto const g =
            rosenbrock_gradient(x = L(&data.a[i], stdx::element_aligned), y = L(&data.c[i], stdx::element_aligned));
        g[0].copy_to(&out.gx[i], stdx::element_aligned);
        g[1].copy_to(&out.gy[i], stdx::element_aligned);
    }
}

// ---- rosenbrock16: per-point gradients of 16 into the user's 16 arrays ---------------------

constexpr std::size_t dimensions = 16;
constexpr leibniz::var_array<"p", dimensions> p;
auto const rosenbrock16_gradient =
    leibniz::gradient(leibniz::sum<dimensions / 2>([](auto i) {
                          return 100_c * square(p[i * 2_c + 1_c] - square(p[i * 2_c])) + square(1_c - p[i * 2_c]);
                      }),
                      p);

struct coordinates {  // coordinate j of point i at [j][i]
    std::array<std::vector<double>, dimensions> at;
    coordinates() {
        for (auto& c : at) c.resize(points);
    }
};
coordinates const where16 = [] {
    coordinates c;
    for (std::size_t j = 0; j < dimensions; ++j)
        for (std::size_t i = 0; i < points; ++i)
            c.at[j][i] = (j % 2 == 0 ? data.a[i] : data.c[i]) + 0.01 * static_cast<double>(j);
    return c;
}();

void rosenbrock16_hand(coordinates& out) {
    for (std::size_t i = 0; i < points; ++i)
        for (std::size_t j = 0; j < dimensions; j += 2) {
            double const u = where16.at[j][i], v = where16.at[j + 1][i], r = v - u * u;
            out.at[j][i] = -400.0 * u * r - 2.0 * (1.0 - u);
            out.at[j + 1][i] = 200.0 * r;
        }
}
void rosenbrock16_double(coordinates& out) {
    for (std::size_t i = 0; i < points; ++i) {
        std::array<double, dimensions> at{};
        for (std::size_t j = 0; j < dimensions; ++j) at[j] = where16.at[j][i];
        auto const g = rosenbrock16_gradient(p = at);
        for (std::size_t j = 0; j < dimensions; ++j) out.at[j][i] = g[j];
    }
}
template <class L> void rosenbrock16_lanes(coordinates& out) {
    for (std::size_t i = 0; i < points; i += L::size()) {
        std::array<L, dimensions> at{};
        for (std::size_t j = 0; j < dimensions; ++j) at[j].copy_from(&where16.at[j][i], stdx::element_aligned);
        auto const g = rosenbrock16_gradient(p = at);
        for (std::size_t j = 0; j < dimensions; ++j) g[j].copy_to(&out.at[j][i], stdx::element_aligned);
    }
}

// ---- neuron and mixture: the batch gradient, summed over the points ------------------------

constexpr double neuron_w1 = 0.7, neuron_w2 = -1.3, neuron_b = 0.2;
using three = std::array<double, 3>;

three neuron_hand() {
    three sum{};
    for (std::size_t i = 0; i < points; ++i) {
        double const z = neuron_w1 * data.a[i] + neuron_w2 * data.c[i] + neuron_b;
        double const a = 1.0 / (1.0 + std::exp(-z));
        double const dz = 2.0 * (a - data.d[i]) * a * (1.0 - a);
        sum[0] += dz * data.a[i];
        sum[1] += dz * data.c[i];
        sum[2] += dz;
    }
    return sum;
}
three neuron_double() {
    three sum{};
    for (std::size_t i = 0; i < points; ++i) {
        auto const g = neuron_gradient(w1 = neuron_w1, w2 = neuron_w2, b = neuron_b, x1 = data.a[i], x2 = data.c[i],
                                       y = data.d[i]);
        for (std::size_t k = 0; k < 3; ++k) sum[k] += g[k];
    }
    return sum;
}
template <class L> three neuron_lanes() {
    std::array<L, 3> sum{};
    for (std::size_t i = 0; i < points; i += L::size()) {
        auto const g =
            neuron_gradient(w1 = neuron_w1, w2 = neuron_w2, b = neuron_b, x1 = L(&data.a[i], stdx::element_aligned),
                            x2 = L(&data.c[i], stdx::element_aligned), y = L(&data.d[i], stdx::element_aligned));
        for (std::size_t k = 0; k < 3; ++k) sum[k] += g[k];
    }
    return {stdx::reduce(sum[0]), stdx::reduce(sum[1]), stdx::reduce(sum[2])};
}

constexpr three centres{-0.5, 0.25, 1.0};

three mixture_hand() {
    three sum{};
    for (std::size_t i = 0; i < points; ++i) {
        double e[3], total = 0.0;
        for (std::size_t k = 0; k < 3; ++k) {
            double const r = data.a[i] - centres[k];
            e[k] = std::exp(-0.5 * r * r);
            total += e[k];
        }
        for (std::size_t k = 0; k < 3; ++k) sum[k] -= e[k] * (data.a[i] - centres[k]) / total;
    }
    return sum;
}
three mixture_double() {
    three sum{};
    for (std::size_t i = 0; i < points; ++i) {
        auto const g = mixture_gradient(mu = centres, x = data.a[i]);
        for (std::size_t k = 0; k < 3; ++k) sum[k] += g[k];
    }
    return sum;
}
template <class L> three mixture_lanes() {
    std::array<L, 3> sum{};
    for (std::size_t i = 0; i < points; i += L::size()) {
        auto const g = mixture_gradient(mu = centres, x = L(&data.a[i], stdx::element_aligned));
        for (std::size_t k = 0; k < 3; ++k) sum[k] += g[k];
    }
    return {stdx::reduce(sum[0]), stdx::reduce(sum[1]), stdx::reduce(sum[2])};
}

// ---- checked, then timed ---------------------------------------------------------------------

void check_close(char const* name, double got, double want) {
    if (!(std::abs(got - want) <= 1e-11 * std::max(1.0, std::abs(want)))) {
        std::fprintf(stderr, "lanes.cpp: %s gives %.17g, the hand-written gradient %.17g\n", name, got, want);
        std::exit(1);
    }
}

void register_rosenbrock(char const* variant, void (*run)(rosenbrock_out&)) {
    rosenbrock_out want, got;
    rosenbrock_hand(want);
    run(got);
    for (std::size_t i = 0; i < points; ++i) {
        check_close(variant, got.gx[i], want.gx[i]);
        check_close(variant, got.gy[i], want.gy[i]);
    }
    benchmark::RegisterBenchmark((std::string("BM_lanes_rosenbrock_") + variant).c_str(),
                                 [run](benchmark::State& state) {
                                     rosenbrock_out out;
                                     for (auto _ : state) {
                                         run(out);
                                         benchmark::DoNotOptimize(out.gx.data());
                                         benchmark::DoNotOptimize(out.gy.data());
                                         benchmark::ClobberMemory();
                                     }
                                     state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * points));
                                 });
}

void register_rosenbrock16(char const* variant, void (*run)(coordinates&)) {
    coordinates want, got;
    rosenbrock16_hand(want);
    run(got);
    for (std::size_t j = 0; j < dimensions; ++j)
        for (std::size_t i = 0; i < points; ++i) check_close(variant, got.at[j][i], want.at[j][i]);
    benchmark::RegisterBenchmark((std::string("BM_lanes_rosenbrock16_") + variant).c_str(),
                                 [run](benchmark::State& state) {
                                     coordinates out;
                                     for (auto _ : state) {
                                         run(out);
                                         for (auto& c : out.at) benchmark::DoNotOptimize(c.data());
                                         benchmark::ClobberMemory();
                                     }
                                     state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * points));
                                 });
}

void register_sum(char const* problem, char const* variant, three (*run)(), three (*hand)()) {
    three const want = hand(), got = run();
    std::string const name = std::string(problem) + "_" + variant;
    for (std::size_t k = 0; k < 3; ++k) check_close(name.c_str(), got[k], want[k]);
    benchmark::RegisterBenchmark(("BM_lanes_" + name).c_str(), [run](benchmark::State& state) {
        for (auto _ : state) {
            three g = run();
            benchmark::DoNotOptimize(g);
        }
        state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * points));
    });
}

[[maybe_unused]] bool const registered = [] {
#if defined(__AVX2__)
    benchmark::AddCustomContext(
        "isa", "avx2 (-mavx2 -mfma), native_simd<double> of " + std::to_string(native::size()) + " lanes");
#else
    benchmark::AddCustomContext(
        "isa", "the compiler's default, native_simd<double> of " + std::to_string(native::size()) + " lanes");
#endif
    register_rosenbrock("hand", rosenbrock_hand);
    register_rosenbrock("double", rosenbrock_double);
    register_rosenbrock("lanes4", rosenbrock_lanes<lanes4>);
    register_rosenbrock("fixed4", rosenbrock_lanes<fixed4>);
    register_rosenbrock("native", rosenbrock_lanes<native>);
    register_rosenbrock16("hand", rosenbrock16_hand);
    register_rosenbrock16("double", rosenbrock16_double);
    register_rosenbrock16("lanes4", rosenbrock16_lanes<lanes4>);
    register_rosenbrock16("fixed4", rosenbrock16_lanes<fixed4>);
    register_rosenbrock16("native", rosenbrock16_lanes<native>);
    register_sum("neuron", "hand", neuron_hand, neuron_hand);
    register_sum("neuron", "double", neuron_double, neuron_hand);
    register_sum("neuron", "lanes4", neuron_lanes<lanes4>, neuron_hand);
    register_sum("neuron", "fixed4", neuron_lanes<fixed4>, neuron_hand);
    register_sum("neuron", "native", neuron_lanes<native>, neuron_hand);
    register_sum("mixture", "hand", mixture_hand, mixture_hand);
    register_sum("mixture", "double", mixture_double, mixture_hand);
    register_sum("mixture", "lanes4", mixture_lanes<lanes4>, mixture_hand);
    register_sum("mixture", "fixed4", mixture_lanes<fixed4>, mixture_hand);
    register_sum("mixture", "native", mixture_lanes<native>, mixture_hand);
    return true;
}();

}  // namespace
