// Problem 3: the product of n variables, x0 x1 ... x(n-1), gradient by all of them, n = 4, 8, 16, 32.
// The hand-written gradient is the usual prefix/suffix products: 3n multiplications, no division.
#include "common.hpp"

namespace {

template <std::size_t N> struct product {
    static constexpr std::size_t n = N, m = 0;
    static constexpr std::array<double, N> x = [] {
        std::array<double, N> v{};
        for (std::size_t i = 0; i < N; ++i) v[i] = 0.9 + 0.2 * double(i) / double(N);  // near 1: no overflow
        return v;
    }();
    static constexpr std::array<double, 0> data{};
    template <class... T> auto operator()(T const&... x) const { return bench::let<bench::first_t<T...>>((x * ...)); }
    static std::array<double, N> hand(std::array<double, N> const& x, std::array<double, 0> const&) {
        std::array<double, N> g{};
        double prefix = 1;
        for (std::size_t i = 0; i < N; ++i) {
            g[i] = prefix;
            prefix *= x[i];
        }
        double suffix = 1;
        for (std::size_t i = N; i-- > 0;) {
            g[i] *= suffix;
            suffix *= x[i];
        }
        return g;
    }
};

[[maybe_unused]] bool const registered = [] {
    bench::register_gradient_variants<product<4>>("product4");
    bench::register_gradient_variants<product<8>>("product8");
    bench::register_gradient_variants<product<16>>("product16");
    bench::register_gradient_variants<product<32>>("product32");
    return true;
}();

}  // namespace
