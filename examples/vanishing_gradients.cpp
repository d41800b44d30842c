// Vanishing gradients: the gradient reaching the first layer of a deep chain is a product of
// one local derivative per layer. With a_{k+1} = sigmoid(w a_k + b) each factor is
// w sigmoid'(w a_k + b) <= w/4, so with w = 1 the gradient through n layers is at most 0.25^n:
// about 1e-6 after 10 layers, 1e-30 after 50. With ReLU layers a_{k+1} = relu(w a_k + b)
// each factor is w (here 1) while the unit is active, so the gradient passes unchanged.
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <iostream>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;           // the input, a_0
constexpr auto weight = 1_c;    // w, the same in every layer
constexpr auto bias = c<1, 2>;  // b

// n layers as one nested expression: sigmoid(w sigmoid(w ... + b) + b).
template <std::size_t N, class A> constexpr auto sigmoid_layers(A const& a) {
    if constexpr (N == 0) return a;
    else return sigmoid_layers<N - 1>(sigmoid(weight * a + bias));
}
template <std::size_t N, class A> constexpr auto relu_layers(A const& a) {
    if constexpr (N == 0) return a;
    else return relu_layers<N - 1>(relu(weight * a + bias));
}

// The same gradient written by hand: run forward, multiply the local derivatives.
double sigmoid_chain_by_hand(std::size_t layers, double a) {
    double product = 1;
    for (std::size_t k = 0; k < layers; ++k) {
        double const s = 1 / (1 + std::exp(-(1.0 * a + 0.5)));
        product *= 1.0 * s * (1 - s);  // w sigmoid'(w a + b)
        a = s;
    }
    return product;
}

template <std::size_t N> void compare_depth(examples::comparison& compare, double x0) {
    constexpr auto sigmoid_chain = sigmoid_layers<N>(x);
    constexpr auto relu_chain = relu_layers<N>(x);
    double const through_sigmoids = gradient(sigmoid_chain, x)(x = x0)[0];
    double const through_relus = gradient(relu_chain, x)(x = x0)[0];
    double const expected = sigmoid_chain_by_hand(N, x0);
    std::printf("\n%zu layers, at x = %g:\n", N, x0);
    compare.header();
    compare("sigmoid: d a_n / d x", through_sigmoids, expected, 1e-13 * expected);
    std::printf("  %-34s %14.8g   (the bound, w = 1)\n", "0.25^n", std::pow(0.25, static_cast<double>(N)));
    compare.holds("sigmoid gradient below 0.25^n", through_sigmoids <= std::pow(0.25, static_cast<double>(N)));
    compare("relu: d a_n / d x", through_relus, 1.0, 0);
}

int main() {
    examples::comparison compare;
    std::cout << "3 layers: " << sigmoid_layers<3>(x) << "\n  d/dx = " << d(sigmoid_layers<3>(x), x) << "\n";

    // The gradient layer by layer: how it shrinks as it travels back through sigmoid layers.
    std::printf("\nThe gradient reaching the input through n sigmoid layers, computed by gradient():\n");
    std::printf("   n   d a_n/d x     0.25^n\n");
    [&]<std::size_t... N>(std::index_sequence<N...>) {
        ((std::printf("  %2zu   %.3e   %.3e\n", N + 1, gradient(sigmoid_layers<N + 1>(x), x)(x = 0.3)[0],
                      std::pow(0.25, N + 1.0))),
         ...);
    }
    (std::make_index_sequence<10>{});

    compare_depth<10>(compare, 0.3);
    compare_depth<50>(compare, 0.3);
    return compare.exit_code();
}
