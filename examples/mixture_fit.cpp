// A loss that is a sum over data: a mixture of two Gaussians fitted to 2,000 points by a damped
// Newton method, with the gradient and the Hessian of one point's negative log-likelihood summed over
// the data by sum_over (no tape; the gradient's parameter-only part computed once per sum,
// x = each_record), and the same gradient from a loop on the tape in which the per-point kernel
// is one recorded operation (tape/kernel.hpp), and from that sum on the tape.
//
// The data are the quantiles of 0.3 N(-2, 0.5^2) + 0.7 N(3, 1): 600 and 1,400 evenly spaced
// quantiles, so the fit lands on the generating parameters up to the two components' small
// overlap. The parameters: the weight's logit a (w = sigmoid(a)), the means, the log standard
// deviations.
#include <boost/math/special_functions/erf.hpp>

#include <array>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <numbers>
#include <vector>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

constexpr var_array<"p", 5> p;  // a, mu1, mu2, log sigma1, log sigma2
constexpr var<"x"> x;

// one point's negative log-likelihood, up to the constant log sqrt(2 pi)
constexpr auto component = [](auto weight, auto mean, auto log_sigma) {
    return weight * exp(-log_sigma - 0.5_c * square((x - mean) * exp(-log_sigma)));
};
auto const nll = -log(component(sigmoid(p[0_c]), p[1_c], p[3_c]) + component(sigmoid(-p[0_c]), p[2_c], p[4_c]));

// Solves H s = g for the 5x5 symmetric system (Gaussian elimination with partial pivoting).
std::array<double, 5> solve(std::array<std::array<double, 5>, 5> h, std::array<double, 5> g) {
    for (std::size_t c = 0; c < 5; ++c) {
        std::size_t pivot = c;
        for (std::size_t r = c + 1; r < 5; ++r)
            if (std::abs(h[r][c]) > std::abs(h[pivot][c])) pivot = r;
        std::swap(h[c], h[pivot]);
        std::swap(g[c], g[pivot]);
        for (std::size_t r = c + 1; r < 5; ++r) {
            double const f = h[r][c] / h[c][c];
            for (std::size_t k = c; k < 5; ++k) h[r][k] -= f * h[c][k];
            g[r] -= f * g[c];
        }
    }
    std::array<double, 5> s{};
    for (std::size_t c = 5; c-- > 0;) {
        double v = g[c];
        for (std::size_t k = c + 1; k < 5; ++k) v -= h[c][k] * s[k];
        s[c] = v / h[c][c];
    }
    return s;
}

int main() {
    examples::comparison compare;
    std::vector<double> data;
    auto quantiles = [&](double mean, double sigma, int count) {
        for (int i = 0; i < count; ++i)
            data.push_back(mean + sigma * std::numbers::sqrt2 * boost::math::erf_inv(2.0 * (i + 0.5) / count - 1.0));
    };
    quantiles(-2.0, 0.5, 600);
    quantiles(3.0, 1.0, 1400);

    std::cout << "one point's loss: " << nll << "\n\n";
    auto const value_and_slope = value_and_gradient(nll, p);
    auto const curvature = hessian(nll, p);
    auto loss_at = [&](std::array<double, 5> const& at) { return sum_over(data, nll, p = at, x = each_record); };

    std::array<double, 5> at{0.0, -1.0, 2.0, 0.0, 0.0};
    int iterations = 0;
    double gradient_norm = 0, lambda = 0;
    for (; iterations < 50; ++iterations) {
        // what depends on p alone (the weights' sigmoid, the exponentials of the log-sigmas) is
        // computed once per sum, not once per point; the Hessian is summed point by point
        auto const [loss, g] = sum_over(data, value_and_slope, p = at, x = each_record);
        auto const h = sum_over(data, [&](double xi) { return curvature(p = at, x = xi); });
        gradient_norm = std::sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2] + g[3] * g[3] + g[4] * g[4]);
        if (gradient_norm < 1e-9) break;
        // damped (Levenberg-Marquardt): H + lambda I, lambda raised until the loss decreases,
        // lowered after each success, so far from the fit, where H is indefinite, steps are short
        for (int tries = 0; tries < 60; ++tries) {
            auto damped = h;
            for (std::size_t k = 0; k < 5; ++k) damped[k][k] += lambda;
            auto const step = solve(damped, g);
            std::array<double, 5> next{};
            for (std::size_t k = 0; k < 5; ++k) next[k] = at[k] - step[k];
            double const next_loss = loss_at(next);
            if (std::isfinite(next_loss) && next_loss <= loss) {
                at = next;
                lambda /= 10;
                break;
            }
            lambda = lambda == 0 ? 1.0 : lambda * 10;
        }
    }
    std::printf("damped Newton: %d iterations, |gradient| = %.2g\n", iterations, gradient_norm);
    compare.header();
    compare("weight of the first component", sigmoid(at[0]), 0.3, 2e-3);
    compare("mean 1", at[1], -2.0, 2e-3);
    compare("mean 2", at[2], 3.0, 2e-3);
    compare("sigma 1", std::exp(at[3]), 0.5, 2e-3);
    compare("sigma 2", std::exp(at[4]), 1.0, 2e-3);
    compare.holds("converged (|gradient| < 1e-9)", gradient_norm < 1e-9);

    // The gradient at the start point by point (the kernel's gradient called per point and
    // summed), against the sum with p's part computed once, the same sum on the tape, a loop on
    // the tape with the kernel one operation per point, and the plain tape.
    std::array<double, 5> const start{0.0, -1.0, 2.0, 0.0, 0.0};
    auto const [loss0, g0] = sum_over(data, [&](double xi) { return value_and_slope(p = start, x = xi); });
    auto const hoisted = sum_over(data, value_and_slope, p = start, x = each_record);
    std::array<double, 5> by_kernel{}, by_plain{}, by_sum_on_tape{};
    double taped_loss = 0;
    {
        tape::scope recording;
        std::array<tape::var, 5> v{start[0], start[1], start[2], start[3], start[4]};
        tape::var const loss = sum_over(data, nll, p = v, x = each_record);
        by_sum_on_tape = tape::gradient(loss, v);
    }
    {
        tape::scope recording;
        std::array<tape::var, 5> v{start[0], start[1], start[2], start[3], start[4]};
        tape::var loss = 0.0;
        for (double xi : data) loss += nll(p = v, x = xi);
        by_kernel = tape::gradient(loss, v);
        taped_loss = loss.value();
    }
    {
        tape::scope recording;
        std::array<tape::var, 5> v{start[0], start[1], start[2], start[3], start[4]};
        auto plain_component = [](double xi, tape::var const& weight, tape::var const& mean,
                                  tape::var const& log_sigma) {
            tape::var const z = (xi - mean) * exp(-log_sigma);
            return weight * exp(-log_sigma - 0.5 * z * z);
        };
        tape::var loss = 0.0;
        for (double xi : data)
            loss +=
                -log(plain_component(xi, sigmoid(v[0]), v[1], v[3]) + plain_component(xi, sigmoid(-v[0]), v[2], v[4]));
        by_plain = tape::gradient(loss, v);
    }
    compare("loss at the start, kernel on tape", taped_loss, loss0, 1e-9 * std::abs(loss0));
    compare("loss at the start, p's part once", hoisted.value, loss0, 1e-9 * std::abs(loss0));
    for (std::size_t k = 0; k < 5; ++k) {
        char what[64];
        double const tolerance = 1e-9 * std::max(1.0, std::abs(g0[k]));
        std::snprintf(what, sizeof what, "dL/dp[%zu], p's part once", k);
        compare(what, hoisted.gradient[k], g0[k], tolerance);
        std::snprintf(what, sizeof what, "dL/dp[%zu], that sum on the tape", k);
        compare(what, by_sum_on_tape[k], g0[k], tolerance);
        std::snprintf(what, sizeof what, "dL/dp[%zu], kernel on the tape", k);
        compare(what, by_kernel[k], g0[k], 1e-9 * std::max(1.0, std::abs(g0[k])));
        std::snprintf(what, sizeof what, "dL/dp[%zu], plain tape", k);
        compare(what, by_plain[k], g0[k], 1e-9 * std::max(1.0, std::abs(g0[k])));
    }
    return compare.exit_code();
}
