// Problem 5: Rosenbrock's function in n dimensions, n = 2, 4, 8, 16,
//   f(x) = sum_{i < n-1} 100 (x(i+1) - xi^2)^2 + (1 - xi)^2,
// its gradient (BM_rosenbrockN_<variant>) and its Hessian (BM_rosenbrockN_hessian_<variant>).
#include "common.hpp"

namespace {
using bench::let;
using bench::number;

template <std::size_t N> struct rosenbrock {
    static constexpr std::size_t n = N, m = 0;
    static constexpr std::array<double, N> x = [] {
        std::array<double, N> v{};
        for (std::size_t i = 0; i < N; ++i) v[i] = (i % 2 == 0 ? -1.2 : 1.0) + 0.05 * double(i);
        return v;
    }();
    static constexpr std::array<double, 0> data{};

    template <class T, class A, class B> static auto term(A const& a, B const& b) {
        auto const u = let<T>(b - a * a);
        auto const v = let<T>(number<T, 1>() - a);
        return let<T>(number<T, 100>() * u * u + v * v);
    }
    template <class... T> auto operator()(T const&... x) const {
        using first = bench::first_t<T...>;
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            return let<first>((term<first>(bench::nth<I>(x...), bench::nth<I + 1>(x...)) + ...));
        }
        (std::make_index_sequence<N - 1>{});
    }
    static std::array<double, N> hand(std::array<double, N> const& x, std::array<double, 0> const&) {
        std::array<double, N> g{};
        for (std::size_t i = 0; i + 1 < N; ++i) {
            double const u = x[i + 1] - x[i] * x[i];
            g[i] += -400 * u * x[i] - 2 * (1 - x[i]);
            g[i + 1] += 200 * u;
        }
        return g;
    }
    using matrix = std::array<std::array<double, N>, N>;
    static matrix hand_hessian(std::array<double, N> const& x) {
        matrix h{};
        for (std::size_t i = 0; i + 1 < N; ++i) {
            h[i][i] += 1200 * x[i] * x[i] - 400 * x[i + 1] + 2;
            h[i][i + 1] = h[i + 1][i] = -400 * x[i];
            h[i + 1][i + 1] += 200;
        }
        return h;
    }
};

template <class P> void register_hessian_variants(std::string const& name) {
    using inputs_t = std::array<double, P::n>;
    using matrix = typename P::matrix;
    static inputs_t const inputs = P::x;
    static matrix const want = P::hand_hessian(inputs);
    auto add = [&](char const* variant, auto body) {
        benchmark::RegisterBenchmark(("BM_" + name + "_hessian_" + variant).c_str(), body);
    };
    add("hand", [](benchmark::State& state) {
        bench::timed(state, inputs, want, [](inputs_t const& in) { return P::hand_hessian(in); });
    });
    add("symbolic", [](benchmark::State& state) {
        bench::timed(state, inputs, want, [](inputs_t const& in) {
            auto const f = bench::expression<P>();
            return bench::with_bindings<P>(in, [&](auto const&... b) {
                return [&]<std::size_t... I>(std::index_sequence<I...>) {
                    auto row = [&]<std::size_t R>(std::integral_constant<std::size_t, R>) {
                        return std::array<double, P::n>{leibniz::d(f, bench::p<int(R)>, bench::p<int(I)>)(b...)...};
                    };
                    return matrix{row(std::integral_constant<std::size_t, I>{})...};
                }
                (std::make_index_sequence<P::n>{});
            });
        });
    });
#if LEIBNIZ_BENCH_HAVE_GRADIENT
    add("gradient", [](benchmark::State& state) {
        bench::timed(state, inputs, want, [](inputs_t const& in) {
            auto const f = bench::expression<P>();
            return bench::with_bindings<P>(in, [&](auto const&... b) {
                return [&]<std::size_t... I>(std::index_sequence<I...>) {
                    return matrix(leibniz::hessian(f, bench::p<int(I)>...)(b...));
                }
                (std::make_index_sequence<P::n>{});
            });
        });
    });
#endif
#if LEIBNIZ_HAVE_ADOLC
    add("adolc", [](benchmark::State& state) {
        static short const tag = bench::next_adolc_tag();
        static bool const traced = [] {
            trace_on(tag);
            std::array<adouble, P::n> a;
            for (std::size_t i = 0; i < P::n; ++i) a[i] <<= inputs[i];
            adouble y = bench::call_with<P>(inputs, [&](std::size_t i, double) -> adouble const& { return a[i]; });
            double value;
            y >>= value;
            trace_off();
            return true;
        }();
        (void)traced;
        static double** h = myalloc2(P::n, P::n);  // ADOL-C fills the lower triangle
        bench::timed(state, inputs, want, [](inputs_t const& in) {
            ::hessian(tag, int(P::n), const_cast<double*>(in.data()), h);
            matrix r{};
            for (std::size_t i = 0; i < P::n; ++i)
                for (std::size_t j = 0; j <= i; ++j) r[i][j] = r[j][i] = h[i][j];
            return r;
        });
    });
#endif
    // Central differences of values, h = eps^(1/4): 4 evaluations per entry of the upper triangle.
    add("finite_diff", [](benchmark::State& state) {
        bench::timed(
            state, inputs, want,
            [](inputs_t in) {
                auto f = [&] { return bench::call_with<P>(in, [](std::size_t, double v) { return v; }); };
                matrix r{};
                for (std::size_t i = 0; i < P::n; ++i)
                    for (std::size_t j = i; j < P::n; ++j) {
                        double const xi = in[i], xj = in[j], hi = 1.2207e-4 * std::max(1.0, std::abs(xi)),
                                     hj = 1.2207e-4 * std::max(1.0, std::abs(xj));
                        double s = 0;
                        for (int si : {1, -1})
                            for (int sj : {1, -1}) {
                                in[i] += si * hi;
                                in[j] += sj * hj;
                                s += si * sj * f();
                                in[i] = xi;
                                in[j] = xj;
                            }
                        r[i][j] = r[j][i] = s / (4 * hi * hj);
                    }
                return r;
            },
            1e-4);
    });
}

[[maybe_unused]] bool const registered = [] {
    bench::register_gradient_variants<rosenbrock<2>>("rosenbrock2");
    bench::register_gradient_variants<rosenbrock<4>>("rosenbrock4");
    bench::register_gradient_variants<rosenbrock<8>>("rosenbrock8");
    bench::register_gradient_variants<rosenbrock<16>>("rosenbrock16");
    register_hessian_variants<rosenbrock<2>>("rosenbrock2");
    register_hessian_variants<rosenbrock<4>>("rosenbrock4");
    register_hessian_variants<rosenbrock<8>>("rosenbrock8");
    register_hessian_variants<rosenbrock<16>>("rosenbrock16");
    return true;
}();

}  // namespace
