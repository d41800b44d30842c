// Backpropagation through one sigmoid neuron (seed 000):
//     z = w . x + b,   a = sigmoid(z),   L = (a - y)^2
// with w = (0.5, -0.3), x = (1, 2), b = 0.1, y = 1. Backward:
//     dL/da = 2(a - y),  dL/dz = dL/da * a(1 - a),  dL/dw_i = dL/dz * x_i,  dL/db = dL/dz.
// The weights are a family, var_array<"w", 2>; gradient(L, w, b) differentiates by all of them.
#include <array>
#include <cstdio>
#include <iostream>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

constexpr var_array<"w", 2> w;
constexpr var_array<"x", 2> x;
constexpr var<"b"> b;
constexpr var<"y"> y;

constexpr auto z = sum<2>([](auto i) { return w[i] * x[i]; }) + b;
constexpr auto a = sigmoid(z);
constexpr auto L = square(a - y);

int main() {
    examples::comparison compare;
    std::array<double, 2> const w0{0.5, -0.3}, x0{1, 2};
    double const b0 = 0.1, y0 = 1;
    auto at_point = [&](auto const& e) { return e(w = w0, x = x0, b = b0, y = y0); };

    std::cout << "L = " << L << "\n\nForward pass:\n";
    compare.header();
    double const z0 = at_point(z), a0 = at_point(a);
    compare("z = w . x + b", z0, 0.0, 1e-15);  // the seed: 0.5(1) + (-0.3)(2) + 0.1 = 0
    compare("a = sigmoid(z)", a0, 0.5, 1e-15);
    compare("L = (a - y)^2", at_point(L), 0.25, 1e-15);

    // The local derivatives, each from d() of one stage, and their products.
    constexpr var<"a"> a_;  // a as a stage variable
    constexpr var<"z"> z_;
    double const dL_da = d(square(a_ - y), a_)(a_ = a0, y = y0);
    double const da_dz = d(sigmoid(z_), z_)(z_ = z0);
    double const dL_dz = dL_da * da_dz;
    std::printf("\nBackward pass, stage by stage (d of each stage at the forward values):\n");
    compare.header();
    compare("dL/da = 2(a - y)", dL_da, 2 * (a0 - y0), 1e-15);  // the seed: -1.0
    compare("da/dz = a(1 - a)", da_dz, a0 * (1 - a0), 1e-15);  // 0.25, sigmoid's largest slope
    compare("dL/dz = dL/da * da/dz", dL_dz, -0.25, 1e-15);
    compare("dL/dw1 = dL/dz * x1", dL_dz * x0[0], -0.25, 1e-15);
    compare("dL/dw2 = dL/dz * x2", dL_dz * x0[1], -0.50, 1e-15);
    compare("dL/db = dL/dz * 1", dL_dz, -0.25, 1e-15);

    // All at once: one reverse sweep over L's graph; the family's members come first.
    std::printf("\ngradient(L, w, b): the family w, then b\n");
    compare.header();
    auto const g = at_point(gradient(L, w, b));
    compare("dL/dw1", g[0], dL_dz * x0[0], 1e-15);
    compare("dL/dw2", g[1], dL_dz * x0[1], 1e-15);
    compare("dL/db", g[2], dL_dz, 1e-15);
    // Negative gradients: raising every parameter lowers the loss (the prediction 0.5 is below 1).
    compare.holds("every partial is negative", g[0] < 0 && g[1] < 0 && g[2] < 0);
    return compare.exit_code();
}
