// Problem 4: log-sum-exp of n values, log(e^x0 + ... + e^x(n-1)), gradient (the softmax), n = 4, 16, 64.
#include "common.hpp"

namespace {

template <std::size_t N> struct logsumexp {
    static constexpr std::size_t n = N, m = 0;
    static constexpr std::array<double, N> x = [] {
        std::array<double, N> v{};
        for (std::size_t i = 0; i < N; ++i) v[i] = -1.0 + 2.0 * double((i * 7) % N) / double(N);
        return v;
    }();
    static constexpr std::array<double, 0> data{};
    template <class... T> auto operator()(T const&... x) const {
        using std::exp, std::log;
        return bench::let<bench::first_t<T...>>(log((exp(x) + ...)));
    }
    static std::array<double, N> hand(std::array<double, N> const& x, std::array<double, 0> const&) {
        std::array<double, N> g{};
        double sum = 0;
        for (std::size_t i = 0; i < N; ++i) sum += g[i] = std::exp(x[i]);
        double const inverse = 1 / sum;
        for (auto& gi : g) gi *= inverse;
        return g;
    }
};

[[maybe_unused]] bool const registered = [] {
    bench::register_gradient_variants<logsumexp<4>>("logsumexp4");
    bench::register_gradient_variants<logsumexp<16>>("logsumexp16");
    bench::register_gradient_variants<logsumexp<64>>("logsumexp64");
    return true;
}();

}  // namespace
