// The cross-check, part 4: the worked examples of the articles on the chain rule and on
// backpropagation (the linear model, the sigmoid neuron, the two-layer network), their
// derivatives known by hand, by every engine.
#include "cross_check.hpp"

#include <cmath>

namespace {
constexpr leibniz::var<"w"> w;
constexpr leibniz::var<"x"> x;
constexpr leibniz::var<"b"> b;
constexpr leibniz::var<"y"> y;
constexpr leibniz::var<"w1"> w1;
constexpr leibniz::var<"w2"> w2;
constexpr leibniz::var<"x1"> x1;
constexpr leibniz::var<"x2"> x2;

void agrees(auto const& report) {
    INFO(report);
    CHECK(report.agrees(cross_check::exact_tolerance, cross_check::finite_difference_tolerance));
}
}  // namespace

using doctest::Approx;

TEST_CASE("cross-check: the linear model L = (w x + b - y)^2") {
    auto loss = [](auto w, auto x, auto b, auto y) {
        using leibniz::square;
        return square(w * x + b - y);
    };
    auto at_seed = leibniz::check_derivatives(loss, w = 2.0, x = 3.0, b = 1.0, y = 5.0);
    agrees(at_seed);
    CHECK(at_seed.value == 4.0);
    // 2 (wx + b - y) times x, w, 1: exactly 12, 8, 4 (and -4 for y), in every engine
    CHECK(at_seed.symbolic == std::array{12.0, 8.0, 4.0, -4.0});
    CHECK(at_seed.tape == std::array{12.0, 8.0, 4.0, -4.0});
    for (auto [wv, xv, bv, yv] : {std::array{0.5, -1.0, 0.2, 1.0}, std::array{-1.5, 2.0, 0.0, -3.0},
                                  std::array{3.0, 0.25, -2.0, 0.5}, std::array{0.1, 0.1, 0.1, 0.1}})
        agrees(leibniz::check_derivatives(loss, w = wv, x = xv, b = bv, y = yv));
}

TEST_CASE("cross-check: the neuron z = w.x + b, a = sigmoid(z), L = (a - y)^2") {
    auto loss = [](auto w1, auto w2, auto b, auto x1, auto x2, auto y) {
        using leibniz::sigmoid;
        using leibniz::square;
        return square(sigmoid(w1 * x1 + w2 * x2 + b) - y);
    };
    auto at_seed = leibniz::check_derivatives(loss, w1 = 0.5, w2 = -0.3, b = 0.1, x1 = 1.0, x2 = 2.0, y = 1.0);
    agrees(at_seed);
    // z = 0, a = 1/2, dL/da = -1, sigmoid'(0) = 1/4: dL/dz = -1/4, the seed's -0.25, -0.5, -0.25
    for (auto const& g : {at_seed.symbolic, at_seed.tape}) {
        CHECK(g[0] == Approx(-0.25).epsilon(1e-15));
        CHECK(g[1] == Approx(-0.5).epsilon(1e-15));
        CHECK(g[2] == Approx(-0.25).epsilon(1e-15));
        CHECK(g[0] == Approx(-0.25).epsilon(0.005));  // the seed's rounded numbers
        CHECK(g[1] == Approx(-0.5).epsilon(0.005));
    }
    for (auto [a, c, d] : {std::array{1.0, 0.2, -0.4}, std::array{-2.0, 1.5, 0.3}, std::array{0.0, 0.0, 0.0},
                           std::array{3.0, -1.0, 2.0}})
        agrees(leibniz::check_derivatives(loss, w1 = a, w2 = c, b = d, x1 = 0.7, x2 = -1.1, y = 0.25));
}

TEST_CASE("cross-check: the two-layer network h = sigmoid(W1 x), y = W2 h, L = (y - 1)^2") {
    // seed 001: x = 2, W1 = 0.5, W2 = 1.2, target 1; L = (y - 1)^2; dL/dW1 ~ -0.116
    auto loss = [](auto w1, auto w2, auto x) {
        using leibniz::sigmoid;
        using leibniz::square;
        return square(w2 * sigmoid(w1 * x) - 1);
    };
    auto at_seed = leibniz::check_derivatives(loss, w1 = 0.5, w2 = 1.2, x = 2.0);
    agrees(at_seed);
    double h = 1 / (1 + std::exp(-1.0));
    double exact = 2 * (1.2 * h - 1) * 1.2 * h * (1 - h) * 2;  // the seed's chain of four factors
    CHECK(at_seed.symbolic[0] == Approx(exact).epsilon(1e-14));
    CHECK(at_seed.tape[0] == Approx(exact).epsilon(1e-14));
    CHECK(at_seed.tape[0] == Approx(-0.116).epsilon(0.005));  // the seed's rounded number
    CHECK(at_seed.value == Approx(0.015).epsilon(0.05));      // L ~ 0.015
    for (auto [a, c, d] : {std::array{-1.0, 0.3, 0.5}, std::array{2.0, -0.7, 1.5}, std::array{0.1, 2.0, -2.0},
                           std::array{1.3, 1.3, 1.3}})
        agrees(leibniz::check_derivatives(loss, w1 = a, w2 = c, x = d));
}
