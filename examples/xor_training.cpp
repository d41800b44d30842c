// Training a tiny network (seed 004): 2 inputs -> 4 tanh units -> 1 sigmoid output learns XOR
// by plain gradient descent, theta <- theta - rate * dL/dtheta, the gradient coming from the
// compile-time reverse sweep: gradient(loss, theta) over a family of 17 parameters.
//     hidden_j = tanh(W1[j][0] x0 + W1[j][1] x1 + b1[j]),   out = sigmoid(sum_j W2[j] hidden_j + b2)
//     L = mean over the 4 samples of (out - target)^2
// theta = W1 (4x2, row-major) | b1 (4) | W2 (4) | b2: 17 numbers.
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <random>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;

constexpr var_array<"theta", 17> theta;
constexpr var_array<"x", 2> x;
constexpr var<"target"> target;

template <std::size_t K> inline constexpr std::integral_constant<std::size_t, K> at{};

// The network's squared error on one sample (x, target): one expression, built once.
constexpr auto hidden = [](auto j) {
    constexpr std::size_t row = decltype(j)::value;
    return tanh(theta[at<2 * row>] * x[at<0>] + theta[at<2 * row + 1>] * x[at<1>] + theta[at<8 + row>]);
};
constexpr auto output =
    sigmoid(sum<4>([](auto j) { return theta[at<12 + decltype(j)::value>] * hidden(j); }) + theta[at<16>]);
constexpr auto sample_loss = square(output - target);

struct sample {
    std::array<double, 2> input;
    double target;
};
constexpr std::array<sample, 4> xor_table{{{{0, 0}, 0}, {{0, 1}, 1}, {{1, 0}, 1}, {{1, 1}, 0}}};

// The same network with doubles, for checking: the loss over the table.
double loss_by_hand(std::array<double, 17> const& p) {
    double total = 0;
    for (auto const& [in, t] : xor_table) {
        double z = p[16];
        for (std::size_t j = 0; j < 4; ++j)
            z += p[12 + j] * std::tanh(p[2 * j] * in[0] + p[2 * j + 1] * in[1] + p[8 + j]);
        double const out = 1 / (1 + std::exp(-z));
        total += (out - t) * (out - t);
    }
    return total / 4;
}

int main() {
    examples::comparison compare;
    // Initial weights uniform in [-1, 1) from a fixed seed. The mt19937 sequence is fixed by the
    // standard (uniform_real_distribution is not), so every compiler starts from the same point.
    std::mt19937 random(2024);
    std::array<double, 17> parameters{};
    for (double& p : parameters) p = static_cast<double>(random()) / 4294967296.0 * 2 - 1;

    auto const loss_and_gradient = value_and_gradient(sample_loss, theta);  // one forward, one reverse sweep
    auto epoch = [&](std::array<double, 17> const& p) {  // the mean loss and its gradient over the table
        value_and_gradient_result<double, 17> total{};
        for (auto const& [in, t] : xor_table) {
            auto const [value, g] = loss_and_gradient(theta = p, x = in, target = t);
            total.value += value / 4;
            for (std::size_t i = 0; i < 17; ++i) total.gradient[i] += g[i] / 4;
        }
        return total;
    };

    // Before training: the sweep's loss against the network written with doubles, and one
    // partial against a central difference.
    compare.header();
    auto const start = epoch(parameters);
    compare("initial loss", start.value, loss_by_hand(parameters), 1e-15);
    auto nudged = [&](double h) {
        auto p = parameters;
        p[3] += h;
        return loss_by_hand(p);
    };
    compare("dL/dtheta3 vs central difference", start.gradient[3], (nudged(1e-6) - nudged(-1e-6)) / 2e-6, 1e-8);

    double const rate = 1.0;
    int const epochs = 2000;
    double loss = start.value;
    int first_below = 0;  // the first epoch that starts with the loss below 0.01
    std::printf("\n  epoch      loss\n");
    for (int e = 0; e < epochs; ++e) {
        auto const [value, g] = epoch(parameters);
        for (std::size_t i = 0; i < 17; ++i) parameters[i] -= rate * g[i];  // gradient descent
        loss = value;
        if (loss < 0.01 && first_below == 0) first_below = e;
        if ((e <= 300 && e % 25 == 0) || e % 200 == 0) std::printf("  %5d   %.6f\n", e, loss);
    }
    std::printf("  the loss fell below 0.01 at epoch %d\n", first_below);
    loss = loss_by_hand(parameters);

    std::printf("\nAfter %d epochs of gradient descent (rate %g):\n", epochs, rate);
    compare.header();
    std::printf("  %-34s %14.8g\n", "final loss", loss);
    compare.holds("final loss below 0.01", loss < 0.01);
    for (auto const& [in, t] : xor_table) {
        char what[64];
        std::snprintf(what, sizeof what, "xor(%g, %g)", in[0], in[1]);
        compare(what, output(theta = parameters, x = in), t, 0.15);  // within 0.15 of the truth table
    }
    return compare.exit_code();
}
