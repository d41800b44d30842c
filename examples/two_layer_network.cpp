// The backward pass of a two-layer network, with the numbers of seed 001:
//     h = sigmoid(W1 x),   yhat = W2 h,   L = (yhat - t)^2,   x = 2, W1 = 0.5, W2 = 1.2, t = 1.
// Backpropagation visits the layers in reverse: dL/dW1 is the product of the local derivatives
//     dL/dyhat * dyhat/dh * dh/d(W1 x) * d(W1 x)/dW1 = 2(yhat - t) * W2 * h(1 - h) * x.
// The article rounds every step to three digits and gets -0.116.
#include <cmath>
#include <cstdio>
#include <iostream>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;

constexpr var<"x"> x;
constexpr var<"W1"> W1;
constexpr var<"W2"> W2;
constexpr var<"t"> t;

constexpr auto h = sigmoid(W1 * x);
constexpr auto yhat = W2 * h;
constexpr auto L = square(yhat - t);

// Stage variables: each layer's input, named, so that d() gives that layer's local derivative.
constexpr var<"z"> z;        // z = W1 x
constexpr var<"hidden"> hv;  // h
constexpr var<"out"> yv;     // yhat

int main() {
    examples::comparison compare;
    double const x0 = 2, W1_0 = 0.5, W2_0 = 1.2, t0 = 1;
    auto at_point = [&](auto const& e) { return e(x = x0, W1 = W1_0, W2 = W2_0, t = t0); };
    double const rounding = 1e-3;  // the article's numbers are rounded to three digits

    std::cout << "L = " << L << "\n\nForward pass (expected: the seed's rounded numbers):\n";
    compare.header();
    double const z0 = at_point(W1 * x), h0 = at_point(h), yhat0 = at_point(yhat);
    compare("W1 x", z0, 1.0, 0);
    compare("h = sigmoid(W1 x)", h0, 0.731, rounding);
    compare("yhat = W2 h", yhat0, 0.877, rounding);
    compare("L = (yhat - 1)^2", at_point(L), 0.015, rounding);

    // Backward: the local derivative of each stage, from d() of that stage alone.
    double const dL_dyhat = d(square(yv - t), yv)(yv = yhat0, t = t0);
    double const dyhat_dh = d(W2 * hv, hv)(W2 = W2_0, hv = h0);
    double const dh_dz = d(sigmoid(z), z)(z = z0);
    double const dz_dW1 = d(W1 * x, W1)(x = x0, W1 = W1_0);
    double const chained = dL_dyhat * dyhat_dh * dh_dz * dz_dW1;
    std::printf("\nBackward pass, from the loss to the first layer:\n");
    compare.header();
    compare("dL/dyhat = 2(yhat - 1)", dL_dyhat, -0.246, rounding);
    compare("dyhat/dh = W2", dyhat_dh, 1.2, 0);
    compare("dh/d(W1 x) = h(1 - h)", dh_dz, 0.197, rounding);
    compare("d(W1 x)/dW1 = x", dz_dW1, 2, 0);
    compare("dL/dW1, the product (seed: -0.116)", chained, -0.116, rounding);

    // The whole gradient from one reverse sweep, against the product written with doubles.
    double const s = 1 / (1 + std::exp(-W1_0 * x0));
    double const by_hand_W1 = 2 * (W2_0 * s - t0) * W2_0 * s * (1 - s) * x0;
    double const by_hand_W2 = 2 * (W2_0 * s - t0) * s;
    auto const [dL_dW1, dL_dW2] = at_point(gradient(L, W1, W2));
    std::printf("\ngradient(L, W1, W2), against the chain rule written with doubles:\n");
    compare.header();
    compare("dL/dW1", dL_dW1, by_hand_W1, 1e-15);
    compare("dL/dW2 = 2(yhat - 1) h", dL_dW2, by_hand_W2, 1e-15);
    compare("dL/dW1, the stages multiplied", chained, by_hand_W1, 1e-15);
    // dL/dW1 < 0: gradient descent (W1 -= rate * dL/dW1) increases W1, as the article says.
    compare.holds("a step against the gradient lowers L",
                  at_point(L) > L(x = x0, W1 = W1_0 - 0.1 * dL_dW1, W2 = W2_0 - 0.1 * dL_dW2, t = t0));
    return compare.exit_code();
}
