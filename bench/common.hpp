#pragma once
// Shared machinery of the benchmarks: one function, written once as a generic callable,
// differentiated by every engine; each variant checked against the hand-written derivative
// before it is timed, so that a fast wrong answer cannot hide.
//
// A problem is a struct with
//   static constexpr std::size_t n, m;        // n inputs differentiated, then m data inputs
//   template <class... T> auto operator()(T const&... args) const;   // the function, n + m args
//   static std::array<double, n> hand(std::array<double, n> const&, std::array<double, m> const&);
//   static constexpr std::array<double, n> x; static constexpr std::array<double, m> data;
// and register_gradient_variants<Problem>("name") registers BM_name_<variant> for each engine.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <string>
#include <utility>

#include <leibniz/leibniz.hpp>

#if __has_include(<leibniz/gradient.hpp>)
#include <leibniz/gradient.hpp>
#define LEIBNIZ_BENCH_HAVE_GRADIENT 1
#endif
#if __has_include(<leibniz/tape.hpp>)
#include <leibniz/tape.hpp>
#define LEIBNIZ_BENCH_HAVE_TAPE 1
#endif

#if LEIBNIZ_HAVE_ADOLC
#include <adolc/adolc.h>
#endif
#if LEIBNIZ_HAVE_BOOST_AUTODIFF
#include <boost/math/differentiation/autodiff.hpp>
#endif
#if LEIBNIZ_HAVE_CERES_JET
#include <ceres/jet.h>
#endif
#if LEIBNIZ_HAVE_SACADO
#include <Sacado_No_Kokkos.hpp>
#include <Sacado_trad.hpp>
#endif

namespace bench {

// ---- sigmoid for every number type ----------------------------------------------------
// leibniz has sigmoid for doubles and expressions (its own rule, found by ADL); the peers
// have none, so they get the textbook 1 / (1 + e^-x), which is also what the hand code uses.
inline double sigmoid(double x) { return leibniz::sigmoid(x); }
#if LEIBNIZ_HAVE_ADOLC
inline adouble sigmoid(adouble const& x) { return 1.0 / (1.0 + exp(-x)); }
inline adouble sigmoid(adub const& x) { return sigmoid(adouble(x)); }
#endif
#if LEIBNIZ_HAVE_BOOST_AUTODIFF
template <class T, std::size_t Order> boost::math::differentiation::detail::fvar<T, Order> sigmoid(
    boost::math::differentiation::detail::fvar<T, Order> const& x) {
    using std::exp;
    return 1.0 / (1.0 + exp(-x));
}
#endif
#if LEIBNIZ_HAVE_CERES_JET
template <class T, int N> ceres::Jet<T, N> sigmoid(ceres::Jet<T, N> const& x) { return T(1) / (T(1) + exp(-x)); }
#endif
#if LEIBNIZ_HAVE_SACADO
template <class T, int N> Sacado::Fad::SFad<T, N> sigmoid(Sacado::Fad::SFad<T, N> const& x) {
    return 1.0 / (1.0 + exp(-x));
}
template <class T> Sacado::Rad::ADvar<T> sigmoid(Sacado::Rad::ADvar<T> const& x) {
    Sacado::Rad::ADvar<T> e = exp(-x);
    return 1.0 / (1.0 + e);
}
#endif

/// e as a value of the number type T that the function computes in. Sacado's expression
/// templates keep references to their operands, and ADOL-C's adub is a temporary: both must be
/// turned into T before they outlive the statement that made them. Plain numbers and leibniz
/// expressions (whose type is the expression) pass unchanged.
template <class T, class E> auto let(E const& e) {
    if constexpr (std::is_arithmetic_v<T> || leibniz::Expression<T>) return e;
    else return T(e);
}

/// The number type of a function's first (differentiated) argument.
template <class T, class...> struct first { using type = T; };
template <class... T> using first_t = typename first<T...>::type;

/// The i-th of a pack of arguments, by reference.
template <std::size_t I, class... T> decltype(auto) nth(T const&... args) { return std::get<I>(std::tie(args...)); }

// ---- inputs, results, checks --------------------------------------------------------------

/// k as a number of the type T computes in: an exact leibniz constant in expressions.
template <class T, int N, int D = 1> constexpr auto number() {
    if constexpr (leibniz::Expression<T>) return leibniz::c<N, D>;
    else return double(N) / double(D);
}

/// The inputs, read through volatile on every iteration: the compiler can neither hoist the
/// computation out of the loop nor fold it (benchmark::DoNotOptimize on a plain double input
/// made a peer read wrong inputs with GCC 12 and benchmark 1.7.1, google/benchmark#903).
template <std::size_t N> std::array<double, N> load(std::array<double, N> const& from) {
    std::array<double, N> to;
    for (std::size_t i = 0; i < N; ++i) to[i] = static_cast<double const volatile&>(from[i]);
    return to;
}

inline bool close(double a, double b, double tolerance) {
    if (!std::isfinite(a) || !std::isfinite(b)) return false;
    return std::abs(a - b) <= tolerance * std::max({1.0, std::abs(a), std::abs(b)});
}
template <std::size_t N> double flat(std::array<double, N> const& a, std::size_t i) { return a[i]; }
template <std::size_t R, std::size_t C> double flat(std::array<std::array<double, C>, R> const& a, std::size_t i) {
    return a[i / C][i % C];
}
template <std::size_t N> constexpr std::size_t flat_size(std::array<double, N> const*) { return N; }
template <std::size_t R, std::size_t C> constexpr std::size_t flat_size(std::array<std::array<double, C>, R> const*) {
    return R * C;
}

/// True when `got` matches `want`; otherwise the benchmark is marked as failed, with both values.
template <class A> bool check(benchmark::State& state, A const& got, A const& want, double tolerance = 1e-9) {
    constexpr std::size_t size = flat_size(static_cast<A const*>(nullptr));
    for (std::size_t i = 0; i < size; ++i) {
        if (!close(flat(got, i), flat(want, i), tolerance)) {
            char message[200];
            std::snprintf(message, sizeof message, "wrong result at [%zu]: %.17g, hand-written gives %.17g", i,
                          flat(got, i), flat(want, i));
            state.SkipWithError(message);
            std::fprintf(stderr, "check failed: %s\n", message);
            return false;
        }
    }
    return true;
}

/// Times `compute(inputs)`: checked once against `want`, then run with inputs loaded through volatile.
template <class Inputs, class Result, class Compute> void timed(benchmark::State& state, Inputs const& inputs,
                                                                Result const& want, Compute compute,
                                                                double tolerance = 1e-9) {
    if (!check(state, compute(inputs), want, tolerance)) return;
    for (auto _ : state) {
        auto result = compute(load(inputs));
        benchmark::DoNotOptimize(result);
    }
}

template <std::size_t N, std::size_t M>
std::array<double, N + M> join(std::array<double, N> const& a, std::array<double, M> const& b) {
    std::array<double, N + M> r{};
    std::copy(a.begin(), a.end(), r.begin());
    std::copy(b.begin(), b.end(), r.begin() + N);
    return r;
}
template <std::size_t N, std::size_t M> std::array<double, N> head(std::array<double, M> const& a) {
    std::array<double, N> r{};
    std::copy(a.begin(), a.begin() + N, r.begin());
    return r;
}

/// A value and its gradient as the model benchmarks check them: the gradient's N entries (any
/// indexable of them), then the value.
template <std::size_t N, class Gradient>
std::array<double, N + 1> gradient_then_value(Gradient const& g, double value) {
    std::array<double, N + 1> out{};
    for (std::size_t k = 0; k < N; ++k) out[k] = g[k];
    out[N] = value;
    return out;
}

#if LEIBNIZ_BENCH_HAVE_TAPE
/// The frame of every tape variant: a recording, the parameters as tape::vars, the value that
/// `record` records from them; its gradient, then the value (gradient_then_value).
template <std::size_t N, class Record>
std::array<double, N + 1> on_tape(std::array<double, N> const& parameters, Record const& record) {
    leibniz::tape::scope recording;
    std::array<leibniz::tape::var, N> v{};
    for (std::size_t k = 0; k < N; ++k) v[k] = parameters[k];
    leibniz::tape::var const value = record(v);
    return gradient_then_value<N>(leibniz::tape::gradient(value, v), value.value());
}
#endif

// ---- the variables leibniz differentiates by -------------------------------------------
template <int I> inline constexpr leibniz::var<"p", I> p{};  // the differentiated inputs
template <int I> inline constexpr leibniz::var<"q", I> q{};  // the data inputs

/// The problem's expression, built at compile time from the variables p<i> and q<j>.
template <class P> auto expression() {
    return []<std::size_t... I, std::size_t... J>(std::index_sequence<I...>, std::index_sequence<J...>) {
        return P{}(p<int(I)>..., q<int(J)>...);
    }
    (std::make_index_sequence<P::n>{}, std::make_index_sequence<P::m>{});
}

/// Calls f(bindings...) with p<i> = in[i], q<j> = in[n + j].
template <class P, class F> auto with_bindings(std::array<double, P::n + P::m> const& in, F&& f) {
    return [&]<std::size_t... I, std::size_t... J>(std::index_sequence<I...>, std::index_sequence<J...>) {
        return f((p<int(I)> = in[I])..., (q<int(J)> = in[P::n + J])...);
    }
    (std::make_index_sequence<P::n>{}, std::make_index_sequence<P::m>{});
}

/// Calls P{}(args...) with the first n inputs converted by `active(i, value)`, the data as doubles.
template <class P, class Active> auto call_with(std::array<double, P::n + P::m> const& in, Active&& active) {
    return [&]<std::size_t... I, std::size_t... J>(std::index_sequence<I...>, std::index_sequence<J...>) {
        return P{}(active(I, in[I])..., in[P::n + J]...);
    }
    (std::make_index_sequence<P::n>{}, std::make_index_sequence<P::m>{});
}

template <class P> std::array<double, P::n> hand_of(std::array<double, P::n + P::m> const& in) {
    return P::hand(head<P::n>(in), [&] {
        std::array<double, P::m> data{};
        std::copy(in.begin() + P::n, in.end(), data.begin());
        return data;
    }());
}

/// Central differences, h = cbrt(eps) * max(1, |x|): the reference cost of 2n evaluations.
template <class P> std::array<double, P::n> finite_differences(std::array<double, P::n + P::m> in) {
    std::array<double, P::n> g{};
    for (std::size_t i = 0; i < P::n; ++i) {
        double const x = in[i], h = 6.0554544523933395e-06 * std::max(1.0, std::abs(x));
        in[i] = x + h;
        double const up = call_with<P>(in, [](std::size_t, double v) { return v; });
        in[i] = x - h;
        double const down = call_with<P>(in, [](std::size_t, double v) { return v; });
        in[i] = x;
        g[i] = (up - down) / (2 * h);
    }
    return g;
}

inline short next_adolc_tag() {
    static short tag = 0;
    return ++tag;
}

// ---- the variants of a gradient -------------------------------------------------------------

template <class P> void register_gradient_variants(std::string const& name) {
    using inputs_t = std::array<double, P::n + P::m>;
    using gradient_t = std::array<double, P::n>;
    static inputs_t const inputs = join(P::x, P::data);
    static gradient_t const want = hand_of<P>(inputs);
    auto add = [&](char const* variant, auto body) {
        benchmark::RegisterBenchmark(("BM_" + name + "_" + variant).c_str(), body);
    };

    add("hand",
        [](benchmark::State& state) { timed(state, inputs, want, [](inputs_t const& in) { return hand_of<P>(in); }); });

    // The function's value by leibniz's evaluation f(p<0> = ..., ...): the unit of issue #4's
    // "a gradient costs at most 3 evaluations".
    add("value", [](benchmark::State& state) {
        auto const f = expression<P>();
        double const plain = call_with<P>(inputs, [](std::size_t, double x) { return x; });
        if (!check(state, std::array<double, 1>{with_bindings<P>(inputs, [&](auto const&... b) { return f(b...); })},
                   std::array<double, 1>{plain}))
            return;
        for (auto _ : state) {
            double v = with_bindings<P>(load(inputs), [&](auto const&... b) { return f(b...); });
            benchmark::DoNotOptimize(v);
        }
    });

    add("symbolic", [](benchmark::State& state) {
        timed(state, inputs, want, [](inputs_t const& in) {
            auto const f = expression<P>();
            return with_bindings<P>(in, [&](auto const&... b) {
                return [&]<std::size_t... I>(std::index_sequence<I...>) {
                    return gradient_t{leibniz::d(f, p<int(I)>)(b...)...};
                }
                (std::make_index_sequence<P::n>{});
            });
        });
    });

#if LEIBNIZ_BENCH_HAVE_GRADIENT
    add("gradient", [](benchmark::State& state) {
        timed(state, inputs, want, [](inputs_t const& in) {
            auto const f = expression<P>();
            return with_bindings<P>(in, [&](auto const&... b) {
                return [&]<std::size_t... I>(std::index_sequence<I...>) {
                    return gradient_t(leibniz::gradient(f, p<int(I)>...)(b...));
                }
                (std::make_index_sequence<P::n>{});
            });
        });
    });
#endif

#if LEIBNIZ_BENCH_HAVE_TAPE
    add("tape", [](benchmark::State& state) {
        timed(state, inputs, want, [](inputs_t const& in) {
            leibniz::tape::scope recording;
            return [&]<std::size_t... I>(std::index_sequence<I...>) {
                std::array<leibniz::tape::var, P::n> a{leibniz::tape::var(in[I])...};
                auto y = call_with<P>(in, [&](std::size_t i, double) -> leibniz::tape::var const& { return a[i]; });
                return gradient_t(leibniz::tape::gradient(y, a[I]...));
            }
            (std::make_index_sequence<P::n>{});
        });
    });
#endif

#if LEIBNIZ_HAVE_ADOLC
    // ADOL-C records the function once (trace_on ... trace_off) and then evaluates gradients
    // from the recorded tape: the timed call is gradient(), the retape variant records every time.
    add("adolc", [](benchmark::State& state) {
        static short const tag = next_adolc_tag();
        static bool const traced = [] {
            trace_on(tag);
            std::array<adouble, P::n> a;
            for (std::size_t i = 0; i < P::n; ++i) a[i] <<= inputs[i];
            adouble y = call_with<P>(inputs, [&](std::size_t i, double) -> adouble const& { return a[i]; });
            double value;
            y >>= value;
            trace_off();
            return true;
        }();
        (void)traced;
        timed(state, inputs, want, [](inputs_t const& in) {
            gradient_t g{};
            ::gradient(tag, int(P::n), in.data(), g.data());
            return g;
        });
    });
    add("adolc_retape", [](benchmark::State& state) {
        static short const tag = next_adolc_tag();
        timed(state, inputs, want, [](inputs_t const& in) {
            trace_on(tag);
            std::array<adouble, P::n> a;
            for (std::size_t i = 0; i < P::n; ++i) a[i] <<= in[i];
            adouble y = call_with<P>(in, [&](std::size_t i, double) -> adouble const& { return a[i]; });
            double value;
            y >>= value;
            trace_off();
            gradient_t g{};
            ::gradient(tag, int(P::n), in.data(), g.data());
            return g;
        });
    });
#endif

#if LEIBNIZ_HAVE_BOOST_AUTODIFF
    // Forward mode: one pass per input with a first-order fvar seeded on that input (a
    // make_ftuple of n variables would carry 2^n coefficients, all mixed partials).
    add("boost_autodiff", [](benchmark::State& state) {
        timed(state, inputs, want, [](inputs_t const& in) {
            using fvar = boost::math::differentiation::autodiff_fvar<double, 1>;
            gradient_t g{};
            for (std::size_t k = 0; k < P::n; ++k) {
                auto y = call_with<P>(in, [&](std::size_t i, double v) {
                    return i == k ? boost::math::differentiation::make_fvar<double, 1>(v) : fvar(v);
                });
                g[k] = y.derivative(1);
            }
            return g;
        });
    });
#endif

#if LEIBNIZ_HAVE_CERES_JET
    add("ceres_jet", [](benchmark::State& state) {
        timed(state, inputs, want, [](inputs_t const& in) {
            using jet = ceres::Jet<double, int(P::n)>;
            auto y = call_with<P>(in, [](std::size_t i, double v) { return jet(v, int(i)); });
            gradient_t g{};
            for (std::size_t i = 0; i < P::n; ++i) g[i] = y.v[int(i)];
            return g;
        });
    });
#endif

#if LEIBNIZ_HAVE_SACADO
    add("sacado_fad", [](benchmark::State& state) {
        timed(state, inputs, want, [](inputs_t const& in) {
            using fad = Sacado::Fad::SFad<double, int(P::n)>;
            auto y = call_with<P>(in, [](std::size_t i, double v) { return fad(int(P::n), int(i), v); });
            gradient_t g{};
            for (std::size_t i = 0; i < P::n; ++i) g[i] = y.dx(int(i));
            return g;
        });
    });
    add("sacado_rad", [](benchmark::State& state) {
        timed(state, inputs, want, [](inputs_t const& in) {
            using rad = Sacado::Rad::ADvar<double>;
            std::array<rad, P::n> a;
            for (std::size_t i = 0; i < P::n; ++i) a[i] = in[i];
            rad y = call_with<P>(in, [&](std::size_t i, double) -> rad const& { return a[i]; });
            rad::Gradcomp();
            gradient_t g{};
            for (std::size_t i = 0; i < P::n; ++i) g[i] = a[i].adj();
            return g;
        });
    });
#endif

    add("finite_diff", [](benchmark::State& state) {
        timed(
            state, inputs, want, [](inputs_t const& in) { return finite_differences<P>(in); }, 1e-5);
    });
}

}  // namespace bench
