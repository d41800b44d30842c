// The models of realistic size that issue 15 names, run and checked (bench/large_network.cpp has
// the third, the dense 16-32-1 network):
//   the Gaussian-mixture objective of one point with d = 10 and K = 25 (1,650 parameters,
//   gmm_kernel.hpp), and a sum of 1,024 terms a_i x^(i mod 5 + 1) over a family of 1,024.
// Each gradient is checked before it is timed against the hand-written gradient, the plain tape
// and central finite differences of the leibniz evaluation (a sample of the parameters); the
// check failing marks the benchmark failed. Variants: the evaluation, the gradient (leibniz), the
// hand-written gradient, the tape recorded each time, ADOL-C recorded once and recorded each time
// (adolc_peer.hpp; the forward-mode peers of common.hpp would carry 1,650 partials through every
// operation, or make 1,650 passes, and are not run at this size). Compiling this file takes
// minutes and GBs (bench/REPORT.md's compile-time section): it is in the benchmark build, not the
// test suite.
#include "adolc_peer.hpp"
#include "common.hpp"
#include "gmm_kernel.hpp"

#include <leibniz/tape.hpp>

namespace {
using namespace leibniz;

// ---- the mixture, one point ----------------------------------------------------------------
using gmm = bench::gmm_kernel<10, 25>;
constexpr std::size_t gmm_n = gmm::n;
auto const gmm_f = gmm::expression();
std::array<double, gmm_n> const gmm_start = [] {
    std::array<double, gmm_n> p{};
    for (std::size_t k = 0; k < gmm_n; ++k) p[k] = 0.3 * std::sin(0.77 * static_cast<double>(k) + 0.1);
    return p;
}();
std::array<std::array<double, 10>, 1> const gmm_point = [] {
    std::array<std::array<double, 10>, 1> x{};
    for (std::size_t r = 0; r < 10; ++r) x[0][r] = 0.5 * std::cos(1.1 * static_cast<double>(r));
    return x;
}();

std::array<double, gmm_n + 1> gmm_leibniz(std::array<double, gmm_n> const& p) {
    auto const [value, g] = value_and_gradient(gmm_f, gmm::theta)(gmm::theta = p, gmm::x = gmm_point[0]);
    std::array<double, gmm_n + 1> out{};
    for (std::size_t k = 0; k < gmm_n; ++k) out[k] = g[k];
    out[gmm_n] = value;
    return out;
}

// ---- the sum of 1,024 terms ---------------------------------------------------------------
constexpr std::size_t terms = 1024;
constexpr var_array<"a", terms> a;
constexpr var<"x"> x;
auto const sum_f = sum<terms>([](auto i) { return a[i] * pow(x, c<decltype(i)::value % 5 + 1>); });
std::array<double, terms + 1> const sum_start = [] {  // the coefficients, then x
    std::array<double, terms + 1> p{};
    for (std::size_t i = 0; i < terms; ++i) p[i] = std::cos(0.1 * static_cast<double>(i));
    p[terms] = 0.8;
    return p;
}();

std::array<double, terms> coefficients_of(std::array<double, terms + 1> const& p) {
    std::array<double, terms> c{};
    for (std::size_t i = 0; i < terms; ++i) c[i] = p[i];
    return c;
}
std::array<double, terms + 1> sum_leibniz(std::array<double, terms + 1> const& p) {
    return gradient(sum_f, a, x)(a = coefficients_of(p), x = p[terms]);
}
std::array<double, terms + 1> sum_hand(std::array<double, terms + 1> const& p) {
    std::array<double, terms + 1> g{};
    double const at = p[terms];
    double const powers[6] = {1, at, at * at, at * at * at, at * at * at * at, at * at * at * at * at};
    for (std::size_t i = 0; i < terms; ++i) {
        std::size_t const k = i % 5 + 1;
        g[i] = powers[k];
        g[terms] += p[i] * static_cast<double>(k) * powers[k - 1];
    }
    return g;
}
// The sum written once over its number type (the plain tape, ADOL-C): coefficients, then x.
template <class Number, class Parameters> Number sum_objective(Parameters const& v) {
    using std::pow;
    Number total = 0.0;
    for (std::size_t i = 0; i < terms; ++i) total += v[i] * pow(v[terms], static_cast<double>(i % 5 + 1));
    return total;
}
std::array<double, terms + 1> sum_tape(std::array<double, terms + 1> const& p) {
    return bench::head<terms + 1>(
        bench::on_tape(p, [](std::array<tape::var, terms + 1> const& v) { return sum_objective<tape::var>(v); }));
}

// ---- the checks -----------------------------------------------------------------------------
// The largest relative difference |a - b| / max(1, |a|, |b|) over the entries.
template <std::size_t N> double worst(std::array<double, N> const& got, std::array<double, N> const& want) {
    double w = 0;
    for (std::size_t i = 0; i < N; ++i)
        w = std::max(w, std::abs(got[i] - want[i]) / std::max({1.0, std::abs(got[i]), std::abs(want[i])}));
    return w;
}
// Central differences of f at p by every stride-th parameter, against the gradient g.
template <class F, std::size_t N, std::size_t M>
double worst_finite_difference(F const& f, std::array<double, N> const& p, std::array<double, M> const& g,
                               std::size_t stride) {
    double w = 0;
    for (std::size_t i = 0; i < N; i += stride) {
        auto moved = p;
        double const h = 1e-6 * std::max(1.0, std::abs(p[i]));
        moved[i] = p[i] + h;
        double const up = f(moved);
        moved[i] = p[i] - h;
        double const down = f(moved);
        double const fd = (up - down) / (2 * h);
        w = std::max(w, std::abs(fd - g[i]) / std::max({1.0, std::abs(fd), std::abs(g[i])}));
    }
    return w;
}

bool const checked = [] {
    bool ok = true;
    auto report = [&](char const* what, double difference, double tolerance) {
        std::fprintf(stderr, "goal_models: %-46s %.2g (tolerance %.0g)\n", what, difference, tolerance);
        ok = ok && difference <= tolerance;
    };
    auto const g = gmm_leibniz(gmm_start);
    report("GMM d=10 K=25 gradient vs hand", worst(g, gmm::hand(gmm_start, gmm_point)), 1e-12);
    report("GMM d=10 K=25 gradient vs tape", worst(g, gmm::plain_tape(gmm_start, gmm_point)), 1e-12);
    report("GMM d=10 K=25 gradient vs finite differences",
           worst_finite_difference(
               [](std::array<double, gmm_n> const& p) { return gmm_f(gmm::theta = p, gmm::x = gmm_point[0]); },
               gmm_start, g, 7),
           1e-6);
    auto const s = sum_leibniz(sum_start);
    report("sum of 1,024 gradient vs hand", worst(s, sum_hand(sum_start)), 1e-12);
    report("sum of 1,024 gradient vs tape", worst(s, sum_tape(sum_start)), 1e-12);
    report("sum of 1,024 gradient vs finite differences",
           worst_finite_difference(
               [](std::array<double, terms + 1> const& p) { return sum_f(a = coefficients_of(p), x = p[terms]); },
               sum_start, s, 31),
           1e-6);
    return ok;
}();

[[maybe_unused]] bool const registered = [] {
    static std::array<double, gmm_n + 1> const gmm_want = gmm::hand(gmm_start, gmm_point);
    static std::array<double, 1> const gmm_value{gmm_want[gmm_n]};
    static std::array<double, terms + 1> const sum_want = sum_hand(sum_start);
    auto const guarded = [](benchmark::State& state, auto const& run) {
        if (!checked) return state.SkipWithError("goal_models: a check failed (see stderr)");
        run(state);
    };
    benchmark::RegisterBenchmark("BM_gmm_d10_K25_value_leibniz", [=](benchmark::State& state) {
        guarded(state, [](benchmark::State& s) {
            bench::timed(s, gmm_start, gmm_value, [](std::array<double, gmm_n> const& p) {
                return std::array<double, 1>{gmm_f(gmm::theta = p, gmm::x = gmm_point[0])};
            });
        });
    });
    benchmark::RegisterBenchmark("BM_gmm_d10_K25_gradient_leibniz", [=](benchmark::State& state) {
        guarded(state, [](benchmark::State& s) { bench::timed(s, gmm_start, gmm_want, gmm_leibniz); });
    });
    benchmark::RegisterBenchmark("BM_gmm_d10_K25_gradient_hand", [=](benchmark::State& state) {
        guarded(state, [](benchmark::State& s) {
            bench::timed(s, gmm_start, gmm_want,
                         [](std::array<double, gmm_n> const& p) { return gmm::hand(p, gmm_point); });
        });
    });
    benchmark::RegisterBenchmark("BM_gmm_d10_K25_gradient_tape", [=](benchmark::State& state) {
        guarded(state, [](benchmark::State& s) {
            bench::timed(s, gmm_start, gmm_want,
                         [](std::array<double, gmm_n> const& p) { return gmm::plain_tape(p, gmm_point); });
        });
    });
#if LEIBNIZ_HAVE_ADOLC
    // made once here, not in the benchmark: each holds its own ADOL-C tag, and ADOL-C keeps a
    // buffer per tag it has swept (a new tag per run of the benchmark ran out of them)
    auto const gmm_on_adolc = [](std::vector<adouble> const& v) { return gmm::objective<adouble>(v, gmm_point); };
    auto const sum_on_adolc = [](std::vector<adouble> const& v) { return sum_objective<adouble>(v); };
    auto const gmm_once = bench::adolc_recorded_once<gmm_n, true>(gmm_on_adolc);
    auto const gmm_each = bench::adolc_recorded_each_call<gmm_n, true>(gmm_on_adolc);
    auto const sum_once = bench::adolc_recorded_once<terms + 1, false>(sum_on_adolc);
    auto const sum_each = bench::adolc_recorded_each_call<terms + 1, false>(sum_on_adolc);
    benchmark::RegisterBenchmark("BM_gmm_d10_K25_gradient_adolc", [=](benchmark::State& state) {
        guarded(state, [&](benchmark::State& s) { bench::timed(s, gmm_start, gmm_want, gmm_once); });
    });
    benchmark::RegisterBenchmark("BM_gmm_d10_K25_gradient_adolc_retape", [=](benchmark::State& state) {
        guarded(state, [&](benchmark::State& s) { bench::timed(s, gmm_start, gmm_want, gmm_each); });
    });
    benchmark::RegisterBenchmark("BM_sum1024_gradient_adolc", [=](benchmark::State& state) {
        guarded(state, [&](benchmark::State& s) { bench::timed(s, sum_start, sum_want, sum_once); });
    });
    benchmark::RegisterBenchmark("BM_sum1024_gradient_adolc_retape", [=](benchmark::State& state) {
        guarded(state, [&](benchmark::State& s) { bench::timed(s, sum_start, sum_want, sum_each); });
    });
#endif
    benchmark::RegisterBenchmark("BM_sum1024_gradient_leibniz", [=](benchmark::State& state) {
        guarded(state, [](benchmark::State& s) { bench::timed(s, sum_start, sum_want, sum_leibniz); });
    });
    benchmark::RegisterBenchmark("BM_sum1024_gradient_hand", [=](benchmark::State& state) {
        guarded(state, [](benchmark::State& s) { bench::timed(s, sum_start, sum_want, sum_hand); });
    });
    benchmark::RegisterBenchmark("BM_sum1024_gradient_tape", [=](benchmark::State& state) {
        guarded(state, [](benchmark::State& s) { bench::timed(s, sum_start, sum_want, sum_tape); });
    });
    return true;
}();

}  // namespace
