// Problem 6: the squared loss of a 2-4-1 network on one sample, gradient by its 17 parameters:
//   h_j = tanh(W1[j][0] x1 + W1[j][1] x2 + b1[j])  (j < 4),   out = sigmoid(sum_j W2[j] h_j + b2),
//   L = (out - y)^2.
// Parameters, in order: W1 (8, row-major), b1 (4), W2 (4), b2 (1); data: x1, x2, y.
#include "common.hpp"

namespace {
using bench::let;
using bench::nth;

struct network {
    static constexpr std::size_t n = 17, m = 3;
    static constexpr std::array<double, 17> x{0.3,  -0.5, 0.8,  0.1,  -0.7, 0.4, 0.2, -0.9,  // W1
                                              0.05, -0.1, 0.15, 0.0,                         // b1
                                              0.6,  -0.4, 0.9,  -0.2,                        // W2
                                              0.1};                                          // b2
    static constexpr std::array<double, 3> data{0.7, -1.3, 0.25};

    template <class... T> auto operator()(T const&... a) const {
        using A = bench::first_t<T...>;
        using bench::sigmoid;
        using std::tanh;
        auto const& x1 = nth<17>(a...);
        auto const& x2 = nth<18>(a...);
        auto const& y = nth<19>(a...);
        auto hidden = [&]<std::size_t J>(std::integral_constant<std::size_t, J>) {
            return let<A>(tanh(let<A>(nth<2 * J>(a...) * x1 + nth<2 * J + 1>(a...) * x2 + nth<8 + J>(a...))));
        };
        auto const h0 = hidden(std::integral_constant<std::size_t, 0>{});
        auto const h1 = hidden(std::integral_constant<std::size_t, 1>{});
        auto const h2 = hidden(std::integral_constant<std::size_t, 2>{});
        auto const h3 = hidden(std::integral_constant<std::size_t, 3>{});
        auto const z =
            let<A>(nth<12>(a...) * h0 + nth<13>(a...) * h1 + nth<14>(a...) * h2 + nth<15>(a...) * h3 + nth<16>(a...));
        auto const r = let<A>(sigmoid(z) - y);
        return let<A>(r * r);
    }

    static std::array<double, 17> hand(std::array<double, 17> const& p, std::array<double, 3> const& d) {
        double const x1 = d[0], x2 = d[1], y = d[2];
        double h[4];
        for (int j = 0; j < 4; ++j) h[j] = std::tanh(p[2 * j] * x1 + p[2 * j + 1] * x2 + p[8 + j]);
        double z = p[16];
        for (int j = 0; j < 4; ++j) z += p[12 + j] * h[j];
        double const out = 1 / (1 + std::exp(-z));
        double const dz = 2 * (out - y) * out * (1 - out);
        std::array<double, 17> g{};
        g[16] = dz;
        for (int j = 0; j < 4; ++j) {
            g[12 + j] = dz * h[j];
            double const da = dz * p[12 + j] * (1 - h[j] * h[j]);
            g[2 * j] = da * x1;
            g[2 * j + 1] = da * x2;
            g[8 + j] = da;
        }
        return g;
    }
};

[[maybe_unused]] bool const registered = [] {
    bench::register_gradient_variants<network>("network");
    return true;
}();

}  // namespace
