// Problem 2: the backpropagation article's small models, gradient by the parameters:
//   linear model  L = (w x + b - y)^2                            by w, b
//   neuron        z = w1 x1 + w2 x2 + b, a = sigmoid(z), L = (a - y)^2   by w1, w2, b
#include "common.hpp"

namespace {
using bench::let;

struct linear_model {  // (w, b; x, y)
    static constexpr std::size_t n = 2, m = 2;
    static constexpr std::array<double, 2> x{0.8, -0.3};
    static constexpr std::array<double, 2> data{1.5, 0.7};
    template <class W, class B, class X, class Y>
    auto operator()(W const& w, B const& b, X const& x, Y const& y) const {
        auto const r = let<W>(w * x + b - y);
        return let<W>(r * r);
    }
    static std::array<double, 2> hand(std::array<double, 2> const& p, std::array<double, 2> const& d) {
        double const r = p[0] * d[0] + p[1] - d[1];
        return {2 * r * d[0], 2 * r};
    }
};

struct neuron {  // (w1, w2, b; x1, x2, y)
    static constexpr std::size_t n = 3, m = 3;
    static constexpr std::array<double, 3> x{0.4, -0.6, 0.1};
    static constexpr std::array<double, 3> data{1.2, 0.5, 0.9};
    template <class W1, class W2, class B, class X1, class X2, class Y>
    auto operator()(W1 const& w1, W2 const& w2, B const& b, X1 const& x1, X2 const& x2, Y const& y) const {
        using bench::sigmoid;
        auto const z = let<W1>(w1 * x1 + w2 * x2 + b);
        auto const a = let<W1>(sigmoid(z));
        auto const r = let<W1>(a - y);
        return let<W1>(r * r);
    }
    static std::array<double, 3> hand(std::array<double, 3> const& p, std::array<double, 3> const& d) {
        double const z = p[0] * d[0] + p[1] * d[1] + p[2];
        double const a = 1 / (1 + std::exp(-z));
        double const dz = 2 * (a - d[2]) * a * (1 - a);
        return {dz * d[0], dz * d[1], dz};
    }
};

[[maybe_unused]] bool const registered = [] {
    bench::register_gradient_variants<linear_model>("linear_model");
    bench::register_gradient_variants<neuron>("neuron");
    return true;
}();

}  // namespace
