// A guided tour of leibniz in one page: variables, an expression, its derivative printed and
// evaluated, an identity proved by the compiler, a gradient from the compile-time reverse
// sweep and the same gradient from the runtime tape, and what each costs.
// scripts/demo.sh builds and runs it.
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <type_traits>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

// 1. Variables: empty objects whose name is part of their type.
constexpr var<"x"> x;
constexpr var<"y"> y;

// 2. An expression: also an empty object; the formula is its type.
constexpr auto f = sin(x * y) + exp(x) * y;
static_assert(sizeof(f) == 1 && std::is_empty_v<decltype(f)>);

// 3. Derivatives are expressions too, simplified to a canonical form, so an identity is a
//    comparison of types that the compiler checks: d/dx sin(x^2) = 2x cos(x^2).
static_assert(d(sin(x * x), x) == 2_c * x * cos(x * x));
static_assert(d(f, x) == y * cos(x * y) + y * exp(x));

// Runs body `repetitions` times and returns the mean time per run in nanoseconds. The inputs
// move a little each time and the results are summed into a volatile, so the work is done.
template <class Body> double nanoseconds_per_call(Body body, int repetitions = 1'000'000) {
    volatile double sink = 0;
    auto const start = std::chrono::steady_clock::now();
    for (int i = 0; i < repetitions; ++i) sink = sink + body(0.5 + 1e-9 * i);
    auto const stop = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::nano>(stop - start).count() / repetitions;
}

int main() {
    examples::comparison compare;
    double const x0 = 0.5, y0 = 2.0;
    // The same function and its partials written by hand, to compare against.
    double const f_hand = std::sin(x0 * y0) + std::exp(x0) * y0;
    double const fx_hand = y0 * std::cos(x0 * y0) + y0 * std::exp(x0);
    double const fy_hand = x0 * std::cos(x0 * y0) + std::exp(x0);

    std::cout << "f         = " << f << "\n"
              << "df/dx     = " << d(f, x) << "\n"
              << "df/dy     = " << d(f, y) << "\n"
              << "d2f/dydx  = " << d(f, x, y) << "\n"
              << "LaTeX     : " << to_latex(d(f, x)) << "\n"
              << "proved at compile time: d(sin(x*x), x) == 2*x*cos(x*x)\n\n";

    std::printf("at x = %g, y = %g:\n", x0, y0);
    compare.header();
    // 4. Evaluation: bind variables by name; each distinct subexpression is computed once.
    compare("f(x = 0.5, y = 2.0)", f(x = x0, y = y0), f_hand, 1e-15);
    compare("d(f, x)(...)", d(f, x)(x = x0, y = y0), fx_hand, 1e-14);
    compare("d(f, y)(...)", d(f, y)(x = x0, y = y0), fy_hand, 1e-14);

    // 5. A gradient: one forward and one reverse sweep, both laid out at compile time.
    auto const [value, g] = value_and_gradient(f, x, y)(x = x0, y = y0);
    compare("value_and_gradient: value", value, f_hand, 1e-15);
    compare("value_and_gradient: df/dx", g[0], fx_hand, 1e-14);
    compare("value_and_gradient: df/dy", g[1], fy_hand, 1e-14);

    // 6. The same gradient from the runtime tape, which records the operations as they run.
    auto generic = [](auto a, auto b) {
        using std::sin, std::exp;
        return sin(a * b) + exp(a) * b;
    };
    {
        leibniz::tape::scope recording;
        leibniz::tape::var a = x0, b = y0;
        leibniz::tape::var const out = generic(a, b);
        std::array<double, 2> const taped = leibniz::tape::gradient(out, a, b);
        compare("tape: df/dx", taped[0], fx_hand, 1e-14);
        compare("tape: df/dy", taped[1], fy_hand, 1e-14);
    }

    // 7. What each costs (mean of 10^6 calls; printed, not checked: it depends on the machine
    //    and the build type; scripts/demo.sh builds at -O1, bench/ measures at -O3).
    auto const df = gradient(f, x, y);
    double const t_hand = nanoseconds_per_call([&](double a) {
        double const c = std::cos(a * y0), e = std::exp(a);
        return (y0 * c + y0 * e) + (a * c + e);
    });
    double const t_value = nanoseconds_per_call([&](double a) { return f(x = a, y = y0); });
    double const t_symbolic =
        nanoseconds_per_call([&](double a) { return d(f, x)(x = a, y = y0) + d(f, y)(x = a, y = y0); });
    double const t_gradient = nanoseconds_per_call([&](double a) {
        auto const r = df(x = a, y = y0);
        return r[0] + r[1];
    });
    double const t_tape = nanoseconds_per_call(
        [&](double a) {
            leibniz::tape::scope recording;
            leibniz::tape::var av = a, bv = y0;
            auto const r = leibniz::tape::gradient(generic(av, bv), av, bv);
            return r[0] + r[1];
        },
        200'000);
    std::printf(
        "\ntime per call (ns):\n"
        "  f(x, y)                           %8.1f\n"
        "  gradient written by hand          %8.1f\n"
        "  d(f, x) and d(f, y) evaluated     %8.1f\n"
        "  gradient(f, x, y)                 %8.1f\n"
        "  tape: record f, sweep back        %8.1f\n",
        t_value, t_hand, t_symbolic, t_gradient, t_tape);
    return compare.exit_code();
}
