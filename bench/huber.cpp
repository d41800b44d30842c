// Problem 7: a branch. Huber's loss of a straight line a x + b over K data points,
//   L(a, b) = sum_i huber(a x_i + b - y_i),  huber(r) = r^2/2 where |r| <= 1, |r| - 1/2 elsewhere,
// its gradient by (a, b), K = 8 and 32, the data bound at run time (about half the residuals
// fall in each arm). leibniz writes the branch with select; the hand-written code and the peers
// with ?: on their own number types (the tape: tape::select, which passes the taken arm on).
// What the branch costs: compare with the same loss without it (BM_huberK_squared_*, r^2/2).
#include "common.hpp"

namespace {
using bench::let;
using bench::nth;

/// select(c, a, b) in every number type: a node in leibniz expressions, the taken arm elsewhere.
template <class T, class C, class A, class B> auto branch(C const& c, A const& a, B const& b) {
    if constexpr (leibniz::Expression<T>) return leibniz::select(c, a, b);
#if LEIBNIZ_BENCH_HAVE_TAPE
    else if constexpr (std::is_same_v<T, leibniz::tape::var>) return leibniz::tape::select(c, a, b);
#endif
    else return c ? T(a) : T(b);
}

template <std::size_t K, bool Branch> struct huber {
    static constexpr std::size_t n = 2, m = 2 * K;
    static constexpr std::array<double, 2> x{1.8, 0.7};
    // x_i evenly in [-2, 2], y_i = 2 x_i + 1 + noise_i, |noise| up to 3
    static constexpr std::array<double, 2 * K> data = [] {
        std::array<double, 2 * K> d{};
        for (std::size_t i = 0; i < K; ++i) {
            double const xi = -2.0 + 4.0 * double(i) / double(K - 1);
            double const noise =
                3.0 * double(int((i * 37) % 13) - 6) / 6.0 + 0.01;  // never a residual of exactly 0 or 1
            d[i] = xi;
            d[K + i] = 2.0 * xi + 1.0 + noise;
        }
        return d;
    }();

    template <class T, class R> static auto loss(R const& r) {
        using std::abs;
        if constexpr (!Branch) return let<T>(bench::number<T, 1, 2>() * r * r);
        else {
            auto const size = let<T>(abs(r));
            return let<T>(branch<T>(size <= bench::number<T, 1>(), bench::number<T, 1, 2>() * r * r,
                                    size - bench::number<T, 1, 2>()));
        }
    }
    template <class... T> auto operator()(T const&... args) const {
        using A = bench::first_t<T...>;
        auto const& a = nth<0>(args...);
        auto const& b = nth<1>(args...);
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            return let<A>((loss<A>(let<A>(a * nth<2 + I>(args...) + b - nth<2 + K + I>(args...))) + ...));
        }
        (std::make_index_sequence<K>{});
    }
    static std::array<double, 2> hand(std::array<double, 2> const& p, std::array<double, 2 * K> const& d) {
        double ga = 0, gb = 0;
        for (std::size_t i = 0; i < K; ++i) {
            double const r = p[0] * d[i] + p[1] - d[K + i];
            double const g = !Branch || std::abs(r) <= 1 ? r : (r > 0 ? 1.0 : -1.0);
            ga += g * d[i];
            gb += g;
        }
        return {ga, gb};
    }
};

[[maybe_unused]] bool const registered = [] {
    bench::register_gradient_variants<huber<8, true>>("huber8");
    bench::register_gradient_variants<huber<8, false>>("huber8_squared");
    bench::register_gradient_variants<huber<32, true>>("huber32");
    bench::register_gradient_variants<huber<32, false>>("huber32_squared");
    return true;
}();

}  // namespace
