// A loss over runtime data: the negative log-likelihood of a Gaussian mixture (ADBench's GMM
// objective without its prior) over 1,000 points in d = 2 with K = 5 components,
//   L(theta) = sum_i [ log sum_k exp(alpha_k) - log sum_k exp(alpha_k + sum_r q_kr - |Q_k (x_i - mu_k)|^2 / 2) ],
// Q_k = diag(exp(q_k)) + L_k (strictly lower), theta = (alpha, mu, q, l): 30 parameters, one
// flat array as an optimizer holds it. Variants, each checked against the hand-written gradient
// before it is timed:
//   sum_over: the per-point kernel's value_and_gradient, summed over the points (sum_over.hpp)
//   hybrid:   a loop on the tape, the kernel one recorded operation per point (tape/kernel.hpp)
//   tape:     the same loop with every operation of the kernel recorded (the plain tape)
//   hand:     the gradient written out by hand (softmax weights times the per-component partials)
#include "common.hpp"

#include <leibniz/sum_over.hpp>
#include <leibniz/tape.hpp>

#include <vector>

namespace {
using namespace leibniz;

constexpr std::size_t d = 2, K = 5, tri = d * (d - 1) / 2, n = K * (1 + 2 * d + tri), points = 1000;
template <std::size_t I> constexpr std::integral_constant<std::size_t, I> at{};
constexpr var_array<"theta", n> theta;
constexpr var_array<"x", d> x;
// where each parameter sits in theta
constexpr std::size_t alpha_at(std::size_t k) { return k; }
constexpr std::size_t mu_at(std::size_t k, std::size_t r) { return K + k * d + r; }
constexpr std::size_t q_at(std::size_t k, std::size_t r) { return K + K * d + k * d + r; }
constexpr std::size_t l_at(std::size_t k, std::size_t r, std::size_t j) { return K + 2 * K * d + k * tri + r * (r - 1) / 2 + j; }

// one point's term, as a user writes it with sum<N>: row r of Q_k (x - mu_k)
template <std::size_t Kc, std::size_t R> auto row() {
    auto diagonal = exp(theta[at<q_at(Kc, R)>]) * (x[at<R>] - theta[at<mu_at(Kc, R)>]);
    if constexpr (R == 0) return diagonal;
    else return diagonal + sum<R>([](auto j) { return theta[at<l_at(Kc, R, decltype(j)::value)>] * (x[j] - theta[at<mu_at(Kc, decltype(j)::value)>]); });
}
auto kernel_expression() {
    auto component = [](auto k) {
        constexpr std::size_t Kc = decltype(k)::value;
        auto squared = sum<d>([](auto r) { return square(row<Kc, decltype(r)::value>()); });
        auto log_det = sum<d>([](auto r) { return theta[at<q_at(Kc, decltype(r)::value)>]; });
        return exp(theta[at<alpha_at(Kc)>] + log_det - 0.5_c * squared);
    };
    return log(sum<K>([](auto k) { return exp(theta[k]); })) - log(sum<K>(component));
}
auto const kernel = kernel_expression();

std::array<double, n> const start = [] {
    std::array<double, n> p{};
    for (std::size_t k = 0; k < n; ++k) p[k] = 0.4 * std::sin(1.3 * static_cast<double>(k) + 0.4);
    return p;
}();
std::vector<std::array<double, d>> const data = [] {
    std::vector<std::array<double, d>> v(points);
    unsigned state = 12345;
    auto uniform = [&] { state = state * 1103515245u + 12345u; return static_cast<double>((state >> 8) & 0xffff) / 65536.0; };
    for (auto& p : v) {
        std::size_t const k = static_cast<std::size_t>(uniform() * K);
        for (std::size_t r = 0; r < d; ++r) p[r] = 1.5 * std::cos(static_cast<double>(k + r)) + (uniform() - 0.5);
    }
    return v;
}();

// ---- by hand ------------------------------------------------------------------------------
std::array<double, n + 1> hand(std::array<double, n> const& p) {  // the gradient, then the loss
    std::array<double, n + 1> out{};
    double alpha_max = p[0];
    for (std::size_t k = 1; k < K; ++k) alpha_max = std::max(alpha_max, p[alpha_at(k)]);
    double alpha_sum = 0;
    for (std::size_t k = 0; k < K; ++k) alpha_sum += std::exp(p[alpha_at(k)] - alpha_max);
    double const log_alpha_sum = alpha_max + std::log(alpha_sum);
    std::array<double, K * d> eq{};
    for (std::size_t k = 0; k < K; ++k)
        for (std::size_t r = 0; r < d; ++r) eq[k * d + r] = std::exp(p[q_at(k, r)]);
    for (auto const& point : data) {
        std::array<double, K> s{};
        std::array<double, K * d> z{}, centred{};
        for (std::size_t k = 0; k < K; ++k) {
            double squared = 0, log_det = 0;
            for (std::size_t r = 0; r < d; ++r) {
                centred[k * d + r] = point[r] - p[mu_at(k, r)];
                double zr = eq[k * d + r] * centred[k * d + r];
                for (std::size_t j = 0; j < r; ++j) zr += p[l_at(k, r, j)] * centred[k * d + j];
                z[k * d + r] = zr;
                squared += zr * zr;
                log_det += p[q_at(k, r)];
            }
            s[k] = p[alpha_at(k)] + log_det - 0.5 * squared;
        }
        double s_max = s[0];
        for (std::size_t k = 1; k < K; ++k) s_max = std::max(s_max, s[k]);
        double s_sum = 0;
        for (std::size_t k = 0; k < K; ++k) s_sum += std::exp(s[k] - s_max);
        out[n] += log_alpha_sum - (s_max + std::log(s_sum));
        for (std::size_t k = 0; k < K; ++k) {
            double const w = -std::exp(s[k] - s_max) / s_sum;  // dL/ds_k
            out[alpha_at(k)] += w;
            for (std::size_t r = 0; r < d; ++r) {
                double const zr = z[k * d + r];
                out[q_at(k, r)] += w * (1 - zr * eq[k * d + r] * centred[k * d + r]);
                double mu_partial = zr * eq[k * d + r];  // (Q^T z)_r: the diagonal, then the rows below
                for (std::size_t row = r + 1; row < d; ++row) mu_partial += z[k * d + row] * p[l_at(k, row, r)];
                out[mu_at(k, r)] += w * mu_partial;
                for (std::size_t j = 0; j < r; ++j) out[l_at(k, r, j)] -= w * zr * centred[k * d + j];
            }
        }
    }
    for (std::size_t k = 0; k < K; ++k) out[alpha_at(k)] += static_cast<double>(points) * std::exp(p[alpha_at(k)] - log_alpha_sum);
    return out;
}

// ---- leibniz ------------------------------------------------------------------------------
std::array<double, n + 1> by_sum_over(std::array<double, n> const& p) {
    auto const per_point = value_and_gradient(kernel, theta);
    auto const total = sum_over(data, [&](std::array<double, d> const& point) { return per_point(theta = p, x = point); });
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

std::array<double, n + 1> by_plain_tape(std::array<double, n> const& p) {
    tape::scope recording;
    std::array<tape::var, n> v{};
    for (std::size_t k = 0; k < n; ++k) v[k] = p[k];
    tape::var alpha_sum = 0.0;
    for (std::size_t k = 0; k < K; ++k) alpha_sum += exp(v[alpha_at(k)]);
    tape::var const log_alpha_sum = log(alpha_sum);
    tape::var loss = 0.0;
    for (auto const& point : data) {
        tape::var mixture = 0.0;
        for (std::size_t k = 0; k < K; ++k) {
            tape::var squared = 0.0, log_det = 0.0;
            for (std::size_t r = 0; r < d; ++r) {
                tape::var zr = exp(v[q_at(k, r)]) * (point[r] - v[mu_at(k, r)]);
                for (std::size_t j = 0; j < r; ++j) zr += v[l_at(k, r, j)] * (point[j] - v[mu_at(k, j)]);
                squared += zr * zr;
                log_det += v[q_at(k, r)];
            }
            mixture += exp(v[alpha_at(k)] + log_det - 0.5 * squared);
        }
        loss += log_alpha_sum - log(mixture);
    }
    auto const g = tape::gradient(loss, v);
    std::array<double, n + 1> out{};
    for (std::size_t k = 0; k < n; ++k) out[k] = g[k];
    out[n] = loss.value();
    return out;
}

[[maybe_unused]] bool const registered = [] {
    static std::array<double, n + 1> const want = hand(start);
    benchmark::RegisterBenchmark("BM_gmm_d2_K5_1000points_hand", [](benchmark::State& state) {
        bench::timed(state, start, want, hand);
    });
    benchmark::RegisterBenchmark("BM_gmm_d2_K5_1000points_sum_over", [](benchmark::State& state) {
        bench::timed(state, start, want, by_sum_over);
    });
    benchmark::RegisterBenchmark("BM_gmm_d2_K5_1000points_hybrid_tape", [](benchmark::State& state) {
        bench::timed(state, start, want, by_hybrid_tape);
    });
    benchmark::RegisterBenchmark("BM_gmm_d2_K5_1000points_tape", [](benchmark::State& state) {
        bench::timed(state, start, want, by_plain_tape);
    });
    return true;
}();

}  // namespace
