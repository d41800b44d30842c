// Problem 7: the bundle-adjustment reprojection error of one observation and its Jacobian, the
// objective of the public AD benchmarks (ADBench's "ba"), written here from its mathematics:
//   camera (11): Rodrigues rotation r (3), centre C (3), focal f, principal point u (2), radial k (2)
//   point X (3), weight w; data: the feature (2) observed.
//   Xc = R(r) (X - C), with R(r) y = y cos t + (n x y) sin t + n (n . y)(1 - cos t), t = |r|, n = r / t
//   p = (Xc0, Xc1) / Xc2,  L = 1 + k1 |p|^2 + k2 |p|^4,  proj = f L p + u
//   outputs: w (proj - feature) (2) and the weight term 1 - w^2: a 3 x 15 Jacobian.
#include "common.hpp"

#include <tuple>

namespace {
using bench::let;
using bench::nth;
using bench::number;

struct reprojection {
    static constexpr std::size_t n = 15, m = 2, outputs = 3;
    static constexpr std::array<double, 15> x{0.1,   -0.2,  0.15,   // r
                                              0.1,   -0.2,  -5.0,   // C
                                              500.0, 320.0, 240.0,  // f, u
                                              -0.05, 0.01,          // k
                                              0.2,   0.4,   1.0,    // X
                                              0.8};                 // w
    static constexpr std::array<double, 2> data{330.0, 290.0};
    using jacobian_t = std::array<std::array<double, 15>, 3>;

    template <class... T> auto operator()(T const&... a) const {
        using A = bench::first_t<T...>;
        using std::sqrt, std::sin, std::cos;
        auto const& f = nth<6>(a...);
        auto const& k1 = nth<9>(a...);
        auto const& k2 = nth<10>(a...);
        auto const& w = nth<14>(a...);
        auto const o0 = let<A>(nth<11>(a...) - nth<3>(a...));
        auto const o1 = let<A>(nth<12>(a...) - nth<4>(a...));
        auto const o2 = let<A>(nth<13>(a...) - nth<5>(a...));
        auto const& r0 = nth<0>(a...);
        auto const& r1 = nth<1>(a...);
        auto const& r2 = nth<2>(a...);
        auto const theta = let<A>(sqrt(let<A>(r0 * r0 + r1 * r1 + r2 * r2)));
        auto const c = let<A>(cos(theta));
        auto const s = let<A>(sin(theta));
        auto const inverse = let<A>(number<A, 1>() / theta);
        auto const n0 = let<A>(r0 * inverse);
        auto const n1 = let<A>(r1 * inverse);
        auto const n2 = let<A>(r2 * inverse);
        auto const along = let<A>((n0 * o0 + n1 * o1 + n2 * o2) * (number<A, 1>() - c));
        auto const x0 = let<A>(o0 * c + (n1 * o2 - n2 * o1) * s + n0 * along);
        auto const x1 = let<A>(o1 * c + (n2 * o0 - n0 * o2) * s + n1 * along);
        auto const x2 = let<A>(o2 * c + (n0 * o1 - n1 * o0) * s + n2 * along);
        auto const p0 = let<A>(x0 / x2);
        auto const p1 = let<A>(x1 / x2);
        auto const rsq = let<A>(p0 * p0 + p1 * p1);
        auto const scale = let<A>((number<A, 1>() + k1 * rsq + k2 * rsq * rsq) * f);
        return std::tuple{let<A>(w * (p0 * scale + nth<7>(a...) - nth<15>(a...))),
                          let<A>(w * (p1 * scale + nth<8>(a...) - nth<16>(a...))), let<A>(number<A, 1>() - w * w)};
    }

    static jacobian_t hand(std::array<double, 15> const& q, std::array<double, 2> const& feature) {
        double const r[3] = {q[0], q[1], q[2]}, f = q[6], k1 = q[9], k2 = q[10], w = q[14];
        double const o[3] = {q[11] - q[3], q[12] - q[4], q[13] - q[5]};
        double const t = std::sqrt(r[0] * r[0] + r[1] * r[1] + r[2] * r[2]), c = std::cos(t), s = std::sin(t);
        double const nv[3] = {r[0] / t, r[1] / t, r[2] / t};
        auto cross = [](double const* a, double const* b, double* out) {
            out[0] = a[1] * b[2] - a[2] * b[1];
            out[1] = a[2] * b[0] - a[0] * b[2];
            out[2] = a[0] * b[1] - a[1] * b[0];
        };
        double nxo[3];
        cross(nv, o, nxo);
        double const dot = nv[0] * o[0] + nv[1] * o[1] + nv[2] * o[2], along = dot * (1 - c);
        double xc[3];
        for (int i = 0; i < 3; ++i) xc[i] = o[i] * c + nxo[i] * s + nv[i] * along;
        // dXc/do = R = c I + s [n]x + (1 - c) n n^T
        double R[3][3];
        double const nx[3][3] = {{0, -nv[2], nv[1]}, {nv[2], 0, -nv[0]}, {-nv[1], nv[0], 0}};
        for (int i = 0; i < 3; ++i)
            for (int j = 0; j < 3; ++j) R[i][j] = (i == j ? c : 0) + s * nx[i][j] + (1 - c) * nv[i] * nv[j];
        // dXc/dr_j, with dt/dr_j = n_j and dn/dr_j = m_j = (e_j - n n_j) / t
        double Dr[3][3];
        for (int j = 0; j < 3; ++j) {
            double mj[3];
            for (int i = 0; i < 3; ++i) mj[i] = ((i == j ? 1 : 0) - nv[i] * nv[j]) / t;
            double mxo[3];
            cross(mj, o, mxo);
            double const mdot = mj[0] * o[0] + mj[1] * o[1] + mj[2] * o[2];
            double const dalong = mdot * (1 - c) + dot * s * nv[j];
            for (int i = 0; i < 3; ++i)
                Dr[i][j] = -o[i] * s * nv[j] + mxo[i] * s + nxo[i] * c * nv[j] + mj[i] * along + nv[i] * dalong;
        }
        double const z = xc[2], p[2] = {xc[0] / z, xc[1] / z};
        double const rsq = p[0] * p[0] + p[1] * p[1], L = 1 + k1 * rsq + k2 * rsq * rsq, dL = k1 + 2 * k2 * rsq;
        // G = d proj / d Xc = (d proj / d p)(d p / d Xc)
        double const dpdxc[2][3] = {{1 / z, 0, -p[0] / z}, {0, 1 / z, -p[1] / z}};
        double G[2][3];
        for (int i = 0; i < 2; ++i)
            for (int k = 0; k < 3; ++k) {
                double sum = 0;
                for (int j = 0; j < 2; ++j) sum += f * ((i == j ? L : 0) + 2 * p[i] * dL * p[j]) * dpdxc[j][k];
                G[i][k] = sum;
            }
        jacobian_t J{};
        for (int i = 0; i < 2; ++i) {
            for (int j = 0; j < 3; ++j) {
                double dr = 0, dx = 0;
                for (int k = 0; k < 3; ++k) {
                    dr += G[i][k] * Dr[k][j];
                    dx += G[i][k] * R[k][j];
                }
                J[i][j] = w * dr;
                J[i][3 + j] = -w * dx;
                J[i][11 + j] = w * dx;
            }
            J[i][6] = w * L * p[i];
            J[i][7 + i] = w;
            J[i][9] = w * f * p[i] * rsq;
            J[i][10] = w * f * p[i] * rsq * rsq;
            J[i][14] = f * L * p[i] + q[7 + i] - feature[i];
        }
        J[2][14] = -2 * w;
        return J;
    }
};

// (GCC 12 cannot expand a pack captured by a nested lambda together with the lambda's own
// pack: these helpers take the expressions and the bindings as parameters instead.)
template <class P, class E, class... B> std::array<double, P::n> symbolic_row(E const& e, B const&... b) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<double, P::n>{leibniz::d(e, bench::p<int(I)>)(b...)...};
    }
    (std::make_index_sequence<P::n>{});
}
#if LEIBNIZ_BENCH_HAVE_GRADIENT
template <class P, class Outputs, class... B> auto compile_time_jacobian(Outputs const& outputs, B const&... b) {
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        return leibniz::jacobian(outputs, bench::p<int(I)>...)(b...);
    }
    (std::make_index_sequence<P::n>{});
}
#endif

template <class P> void register_jacobian_variants(std::string const& name) {
    using inputs_t = std::array<double, P::n + P::m>;
    using jacobian_t = typename P::jacobian_t;
    static inputs_t const inputs = bench::join(P::x, P::data);
    static jacobian_t const want = P::hand(P::x, P::data);
    auto add = [&](char const* variant, auto body) {
        benchmark::RegisterBenchmark(("BM_" + name + "_" + variant).c_str(), body);
    };
    auto hand = [](inputs_t const& in) {
        return P::hand(bench::head<P::n>(in), std::array<double, P::m>{in[P::n], in[P::n + 1]});
    };
    add("hand", [=](benchmark::State& state) { bench::timed(state, inputs, want, hand); });

    add("value", [](benchmark::State& state) {
        auto const f = bench::expression<P>();
        for (auto _ : state) {
            auto v = bench::with_bindings<P>(bench::load(inputs), [&](auto const&... b) {
                return std::apply([&](auto const&... e) { return std::array<double, P::outputs>{e(b...)...}; }, f);
            });
            benchmark::DoNotOptimize(v);
        }
    });

    add("symbolic", [](benchmark::State& state) {
        bench::timed(state, inputs, want, [](inputs_t const& in) {
            auto const f = bench::expression<P>();
            return bench::with_bindings<P>(in, [&](auto const&... b) {
                return std::apply([&](auto const&... e) { return jacobian_t{symbolic_row<P>(e, b...)...}; }, f);
            });
        });
    });

#if LEIBNIZ_BENCH_HAVE_GRADIENT
    add("gradient", [](benchmark::State& state) {
        bench::timed(state, inputs, want, [](inputs_t const& in) {
            auto const f = bench::expression<P>();
            return bench::with_bindings<P>(in, [&](auto const&... b) {
                return std::apply(
                    [&](auto const&... e) {
                        return jacobian_t(compile_time_jacobian<P>(leibniz::outputs(e...), b...));
                    },
                    f);
            });
        });
    });
#endif

#if LEIBNIZ_BENCH_HAVE_TAPE
    // One recording, one reverse sweep per output.
    add("tape", [](benchmark::State& state) {
        bench::timed(state, inputs, want, [](inputs_t const& in) {
            leibniz::tape::scope recording;
            std::array<leibniz::tape::var, P::n> a;
            for (std::size_t i = 0; i < P::n; ++i) a[i] = leibniz::tape::var(in[i]);
            auto y = bench::call_with<P>(in, [&](std::size_t i, double) -> leibniz::tape::var const& { return a[i]; });
            return std::apply([&](auto const&... out) { return jacobian_t{leibniz::tape::gradient(out, a)...}; }, y);
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
            auto y = bench::call_with<P>(inputs, [&](std::size_t i, double) -> adouble const& { return a[i]; });
            double value;
            std::apply([&](auto&... out) { ((out >>= value), ...); }, y);
            trace_off();
            return true;
        }();
        (void)traced;
        static double** J = myalloc2(P::outputs, P::n);
        bench::timed(state, inputs, want, [](inputs_t const& in) {
            ::jacobian(tag, int(P::outputs), int(P::n), in.data(), J);
            jacobian_t r{};
            for (std::size_t i = 0; i < P::outputs; ++i)
                for (std::size_t j = 0; j < P::n; ++j) r[i][j] = J[i][j];
            return r;
        });
    });
#endif

#if LEIBNIZ_HAVE_BOOST_AUTODIFF
    add("boost_autodiff", [](benchmark::State& state) {
        bench::timed(state, inputs, want, [](inputs_t const& in) {
            using fvar = boost::math::differentiation::autodiff_fvar<double, 1>;
            jacobian_t r{};
            for (std::size_t k = 0; k < P::n; ++k) {
                auto y = bench::call_with<P>(in, [&](std::size_t i, double v) {
                    return i == k ? boost::math::differentiation::make_fvar<double, 1>(v) : fvar(v);
                });
                r[0][k] = std::get<0>(y).derivative(1);
                r[1][k] = std::get<1>(y).derivative(1);
                r[2][k] = std::get<2>(y).derivative(1);
            }
            return r;
        });
    });
#endif

#if LEIBNIZ_HAVE_CERES_JET
    add("ceres_jet", [](benchmark::State& state) {
        bench::timed(state, inputs, want, [](inputs_t const& in) {
            using jet = ceres::Jet<double, int(P::n)>;
            auto y = bench::call_with<P>(in, [](std::size_t i, double v) { return jet(v, int(i)); });
            jacobian_t r{};
            std::size_t row = 0;
            std::apply(
                [&](auto const&... out) { ((std::copy(out.v.data(), out.v.data() + P::n, r[row++].begin())), ...); },
                y);
            return r;
        });
    });
#endif

#if LEIBNIZ_HAVE_SACADO
    add("sacado_fad", [](benchmark::State& state) {
        bench::timed(state, inputs, want, [](inputs_t const& in) {
            using fad = Sacado::Fad::SFad<double, int(P::n)>;
            auto y = bench::call_with<P>(in, [](std::size_t i, double v) { return fad(int(P::n), int(i), v); });
            jacobian_t r{};
            std::size_t row = 0;
            std::apply([&](auto const&... out) { ((std::copy(out.dx(), out.dx() + P::n, r[row++].begin())), ...); }, y);
            return r;
        });
    });
#endif

    add("finite_diff", [](benchmark::State& state) {
        bench::timed(
            state, inputs, want,
            [](inputs_t in) {
                jacobian_t r{};
                auto f = [&] {
                    auto y = bench::call_with<P>(in, [](std::size_t, double v) { return v; });
                    return std::apply([](auto... v) { return std::array<double, P::outputs>{v...}; }, y);
                };
                for (std::size_t j = 0; j < P::n; ++j) {
                    double const x = in[j], h = 6.0554544523933395e-06 * std::max(1.0, std::abs(x));
                    in[j] = x + h;
                    auto const up = f();
                    in[j] = x - h;
                    auto const down = f();
                    in[j] = x;
                    for (std::size_t i = 0; i < P::outputs; ++i) r[i][j] = (up[i] - down[i]) / (2 * h);
                }
                return r;
            },
            1e-5);
    });
}

[[maybe_unused]] bool const registered = [] {
    register_jacobian_variants<reprojection>("bundle_adjustment");
    return true;
}();

}  // namespace
