// A loss over runtime data: the negative log-likelihood of a Gaussian mixture (ADBench's GMM
// objective without its prior) over 1,000 points in d = 2 with K = 5 components,
//   L(theta) = sum_i [ log sum_k exp(alpha_k) - log sum_k exp(alpha_k + sum_r q_kr - |Q_k (x_i - mu_k)|^2 / 2) ],
// Q_k = diag(exp(q_k)) + L_k (strictly lower), theta = (alpha, mu, q, l): 30 parameters, one
// flat array as an optimizer holds it (gmm_kernel.hpp). Variants, each checked against the hand-written gradient
// before it is timed:
//   sum_over: the per-point kernel's value_and_gradient, summed over the points (sum_over.hpp)
//   hybrid:   a loop on the tape, the kernel one recorded operation per point (tape/kernel.hpp)
//   tape:     the same loop with every operation of the kernel recorded (the plain tape)
//   hand:     the gradient written out by hand (softmax weights times the per-component partials)
#include "common.hpp"
#include "gmm_kernel.hpp"

#include <leibniz/sum_over.hpp>
#include <leibniz/tape.hpp>

#include <vector>

namespace {
using namespace leibniz;

using model = bench::gmm_kernel<2, 5>;
constexpr std::size_t d = model::d, K = model::components, n = model::n, points = 1000;
constexpr auto theta = model::theta;
constexpr auto x = model::x;
auto const kernel = model::expression();

std::array<double, n> const start = [] {
    std::array<double, n> p{};
    for (std::size_t k = 0; k < n; ++k) p[k] = 0.4 * std::sin(1.3 * static_cast<double>(k) + 0.4);
    return p;
}();
std::vector<std::array<double, d>> const data = [] {
    std::vector<std::array<double, d>> v(points);
    unsigned state = 12345;
    auto uniform = [&] {
        state = state * 1103515245u + 12345u;
        return static_cast<double>((state >> 8) & 0xffff) / 65536.0;
    };
    for (auto& p : v) {
        std::size_t const k = static_cast<std::size_t>(uniform() * K);
        for (std::size_t r = 0; r < d; ++r) p[r] = 1.5 * std::cos(static_cast<double>(k + r)) + (uniform() - 0.5);
    }
    return v;
}();

// ---- leibniz ------------------------------------------------------------------------------
std::array<double, n + 1> by_sum_over(std::array<double, n> const& p) {
    auto const per_point = value_and_gradient(kernel, theta);
    auto const total =
        sum_over(data, [&](std::array<double, d> const& point) { return per_point(theta = p, x = point); });
    std::array<double, n + 1> out{};
    for (std::size_t k = 0; k < n; ++k) out[k] = total.gradient[k];
    out[n] = total.value;
    return out;
}

std::array<double, n + 1> by_hybrid_tape(std::array<double, n> const& p) {
    tape::scope recording;
    std::array<tape::var, n> v{};
    for (std::size_t k = 0; k < n; ++k) v[k] = p[k];
    tape::var loss = 0.0;
    for (auto const& point : data) loss += kernel(theta = v, x = point);
    auto const g = tape::gradient(loss, v);
    std::array<double, n + 1> out{};
    for (std::size_t k = 0; k < n; ++k) out[k] = g[k];
    out[n] = loss.value();
    return out;
}

[[maybe_unused]] bool const registered = [] {
    static std::array<double, n + 1> const want = model::hand(start, data);
    benchmark::RegisterBenchmark("BM_gmm_d2_K5_1000points_hand", [](benchmark::State& state) {
        bench::timed(state, start, want, [](std::array<double, n> const& p) { return model::hand(p, data); });
    });
    benchmark::RegisterBenchmark("BM_gmm_d2_K5_1000points_sum_over",
                                 [](benchmark::State& state) { bench::timed(state, start, want, by_sum_over); });
    benchmark::RegisterBenchmark("BM_gmm_d2_K5_1000points_hybrid_tape",
                                 [](benchmark::State& state) { bench::timed(state, start, want, by_hybrid_tape); });
    benchmark::RegisterBenchmark("BM_gmm_d2_K5_1000points_tape", [](benchmark::State& state) {
        bench::timed(state, start, want, [](std::array<double, n> const& p) { return model::plain_tape(p, data); });
    });
    return true;
}();

}  // namespace
