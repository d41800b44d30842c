// The functions people reach for (issue 12): asinh, acosh, atanh, log2, log10, exp2, erfc,
// lgamma, tgamma, digamma, fma, and the step functions floor, ceil, round, trunc, sign. Each in
// every engine (evaluation, d, gradient, hessian, the tape) against the standard library and
// central differences, inside its domain and at its edges, and printed.
#include "every_engine.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <complex>
#include <initializer_list>
#include <leibniz/gamma.hpp>
#include <leibniz/leibniz.hpp>
#include <limits>
#include <numbers>
#include <string>

namespace {
using namespace leibniz;
using namespace leibniz::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

using every_engine::in_every_engine;
using every_engine::same;
// At an edge: the value and the first derivative, the same in every engine.
constexpr auto check_edge = [](auto const& f, double at, double value, double derivative) {
    every_engine::check_value_and_derivative(f, at, value, derivative);
};

// Central difference with a step scaled to the point: error O(h^2), about 1e-10 relative.
template <class G> double central_difference(G const& g, double p) {
    double const h = 1e-5 * (1.0 + std::fabs(p));
    return (g(p + h) - g(p - h)) / (2 * h);
}

// Inside the domain: the value is the standard library's (reference) in every engine, the
// first derivatives agree with each other and with finite differences, and so do the second
// ones, from d(f, x, x) and from hessian.
template <class F, class Reference>
void check_inside(F const& f, Reference const& reference, std::initializer_list<double> points) {
    for (double p : points) {
        auto const got = in_every_engine(f, p);
        double const second_symbolic = d(f(x), x, x)(x = p);
        double const second_reverse = hessian(f(x), x)(x = p)[0][0];
        CAPTURE(p);
        CAPTURE(got.symbolic);
        CAPTURE(got.reverse);
        CAPTURE(got.taped);
        CAPTURE(second_symbolic);
        CAPTURE(second_reverse);
        CHECK(same(got.value, reference(p)));
        CHECK(same(got.taped_value, reference(p)));
        CHECK(same(got.reverse, got.symbolic));
        CHECK(same(got.reverse_with_value, got.symbolic));
        CHECK(same(got.taped, got.symbolic));
        CHECK(got.symbolic == doctest::Approx(central_difference(reference, p)).epsilon(1e-6));
        CHECK(second_reverse == doctest::Approx(second_symbolic).epsilon(1e-12));
        auto first = [&](double q) { return d(f(x), x)(x = q); };
        CHECK(second_symbolic == doctest::Approx(central_difference(first, p)).epsilon(1e-5));
    }
}
}  // namespace

TEST_CASE("asinh, acosh, atanh: values and derivatives in every engine") {
    check_inside(
        [](auto t) {
            using std::asinh;
            return asinh(t);
        },
        [](double t) { return std::asinh(t); }, {-40.0, -1.3, -0.2, 0.0, 0.5, 2.0, 1e3});
    check_inside(
        [](auto t) {
            using std::acosh;
            return acosh(t);
        },
        [](double t) { return std::acosh(t); }, {1.01, 1.5, 2.0, 7.0, 1e3});
    check_inside(
        [](auto t) {
            using std::atanh;
            return atanh(t);
        },
        [](double t) { return std::atanh(t); }, {-0.95, -0.5, 0.0, 0.3, 0.9});
}

TEST_CASE("asinh, acosh, atanh at their edges") {
    // asinh' = 1/hypot(1, x): 1/|x| far out, where 1 + x^2 would overflow to a derivative of 0
    check_edge([](auto t) { return asinh(t); }, 1e200, std::asinh(1e200), 1e-200);
    check_edge([](auto t) { return asinh(t); }, -1e200, std::asinh(-1e200), 1e-200);
    // acosh' = 1/(sqrt(x - 1) sqrt(x + 1)): +infinity at 1, NaN below it (the value is NaN too)
    check_edge([](auto t) { return acosh(t); }, 1.0, 0.0, inf);
    check_edge([](auto t) { return acosh(t); }, 0.5, not_a_number, not_a_number);
    check_edge([](auto t) { return acosh(t); }, -2.0, not_a_number, not_a_number);
    check_edge([](auto t) { return acosh(t); }, 1e200, std::acosh(1e200), 1e-200);
    // relative accuracy next to 1: x - 1 is exact there, x^2 - 1 would lose half the digits
    check_edge([](auto t) { return acosh(t); }, 1.0 + 0x1p-40, std::acosh(1.0 + 0x1p-40),
               1.0 / (std::sqrt(0x1p-40) * std::sqrt(2.0 + 0x1p-40)));
    // atanh' = 1/((1 - x)(1 + x)): +infinity at +-1; beyond, the formula (the value is NaN)
    check_edge([](auto t) { return atanh(t); }, 1.0, inf, inf);
    check_edge([](auto t) { return atanh(t); }, -1.0, -inf, inf);
    check_edge([](auto t) { return atanh(t); }, 2.0, not_a_number, -1.0 / 3.0);
    check_edge([](auto t) { return atanh(t); }, 1.0 - 0x1p-40, std::atanh(1.0 - 0x1p-40),
               1.0 / (0x1p-40 * (2.0 - 0x1p-40)));
}

TEST_CASE("log2, log10, exp2: values and derivatives in every engine") {
    check_inside(
        [](auto t) {
            using std::log2;
            return log2(t);
        },
        [](double t) { return std::log2(t); }, {0.01, 0.5, 1.0, 3.0, 1024.0});
    check_inside(
        [](auto t) {
            using std::log10;
            return log10(t);
        },
        [](double t) { return std::log10(t); }, {0.01, 0.5, 1.0, 3.0, 1000.0});
    check_inside(
        [](auto t) {
            using std::exp2;
            return exp2(t);
        },
        [](double t) { return std::exp2(t); }, {-10.0, -0.5, 0.0, 1.0, 20.0});
    // exact at powers of the base, as std::log2 and std::log10 are
    CHECK(log2(x)(x = 1024.0) == 10.0);
    CHECK(log10(x)(x = 1e-3) == -3.0);
    CHECK(exp2(x)(x = -3.0) == 0.125);
}

TEST_CASE("log2, log10, exp2 at their edges") {
    check_edge([](auto t) { return log2(t); }, 0.0, -inf, inf);
    check_edge([](auto t) { return log10(t); }, 0.0, -inf, inf);
    check_edge([](auto t) { return log2(t); }, -2.0, not_a_number, -0.5 / std::numbers::ln2);  // the formula
    check_edge([](auto t) { return exp2(t); }, 1100.0, inf, inf);                              // overflow
    check_edge([](auto t) { return exp2(t); }, -1100.0, 0.0, 0.0);                             // underflow
    // a zero adjoint meets log2'(0) = infinity: 0 in the reverse sweep and the tape
    auto const g = gradient(y * log2(x), x, y)(x = 0.0, y = 0.0);
    CHECK(g[0] == 0.0);
}

TEST_CASE("erfc: values and derivatives, and accuracy where erf rounds to 1") {
    check_inside(
        [](auto t) {
            using std::erfc;
            return erfc(t);
        },
        [](double t) { return std::erfc(t); }, {-2.0, -0.5, 0.0, 0.7, 1.5, 4.0});
    // erfc(10) = 2.1e-45, where 1 - erf(10) is 0; erfc' = -2/sqrt(pi) e^(-x^2)
    check_edge([](auto t) { return erfc(t); }, 10.0, std::erfc(10.0),
               -2.0 / std::sqrt(std::numbers::pi) * std::exp(-100.0));
    check_edge([](auto t) { return erfc(t); }, 30.0, 0.0, 0.0);
    check_edge([](auto t) { return erfc(t); }, -inf, 2.0, 0.0);
}

TEST_CASE("lgamma, tgamma, digamma: values and derivatives in every engine") {
    check_inside(
        [](auto t) {
            using std::lgamma;
            return lgamma(t);
        },
        [](double t) { return std::lgamma(t); }, {-2.5, -0.5, 0.3, 1.0, 2.0, 4.5, 30.0});
    check_inside(
        [](auto t) {
            using std::tgamma;
            return tgamma(t);
        },
        [](double t) { return std::tgamma(t); }, {-2.5, -0.5, 0.3, 1.0, 2.0, 4.5, 10.0});
    // digamma(1) = -Euler's gamma; digamma(1/2) = -gamma - 2 log 2; trigamma(1) = pi^2/6
    CHECK(digamma(x)(x = 1.0) == doctest::Approx(-std::numbers::egamma).epsilon(1e-15));
    CHECK(digamma(x)(x = 0.5) == doctest::Approx(-std::numbers::egamma - 2 * std::numbers::ln2).epsilon(1e-15));
    CHECK(d(lgamma(x), x, x)(x = 1.0) == doctest::Approx(std::numbers::pi * std::numbers::pi / 6).epsilon(1e-15));
    CHECK(d(lgamma(x), x, x, x)(x = 1.0) == doctest::Approx(-2.4041138063191885).epsilon(1e-13));  // -2 zeta(3)
    // tgamma at integers is the factorial, exactly as std::tgamma gives it
    CHECK(tgamma(x)(x = 6.0) == 120.0);
}

TEST_CASE("lgamma and tgamma at the poles and where tgamma overflows") {
    // at the poles 0, -1, -2, ... lgamma is +infinity and digamma has no value (a pole of either
    // sign): the derivative is NaN in every engine, never an exception (Boost's default policy)
    check_edge([](auto t) { return lgamma(t); }, 0.0, inf, not_a_number);
    check_edge([](auto t) { return lgamma(t); }, -1.0, inf, not_a_number);
    check_edge([](auto t) { return lgamma(t); }, -3.0, inf, not_a_number);
    check_edge([](auto t) { return tgamma(t); }, 0.0, inf, not_a_number);
    check_edge([](auto t) { return tgamma(t); }, -2.0, not_a_number, not_a_number);
    // above 171.62 tgamma overflows, and so does its derivative; lgamma stays finite
    check_edge([](auto t) { return tgamma(t); }, 172.0, inf, inf);
    check_edge([](auto t) { return lgamma(t); }, 172.0, std::lgamma(172.0), digamma(x)(x = 172.0));
    // digamma(x) = log x - 1/(2x) - 1/(12x^2) + 1/(120x^4) - ... for large x
    CHECK(digamma(x)(x = 172.0) ==
          doctest::Approx(std::log(172.0) - 1 / 344.0 - 1 / (12 * 172.0 * 172.0) + 1 / (120 * std::pow(172.0, 4)))
              .epsilon(1e-14));
    // a zero adjoint meets the pole: 0 in the reverse sweep and the tape
    auto const g = gradient(y * lgamma(x), x, y)(x = 0.0, y = 0.0);
    CHECK(g[0] == 0.0);
}

TEST_CASE("fma: std::fma on numbers and on the tape, x*y + z as an expression") {
    // on numbers: std::fma, rounded once; 0.1 * 10 - 1 is 5.55e-17 fused, 0 rounded twice
    CHECK(leibniz::fma(0.1, 10.0, -1.0) == std::fma(0.1, 10.0, -1.0));
    CHECK(leibniz::fma(0.1, 10.0, -1.0) != 0.0);
    CHECK(leibniz::fma(2, 3, 1) == 7.0);
    // as an expression it is the canonical x*y + z: its value is the product, then the sum
    auto const f = fma(x, y, z);
    CHECK(f(x = 0.1, y = 10.0, z = -1.0) == 0.1 * 10.0 - 1.0);
    CHECK(to_string(f) == to_string(x * y + z));
    auto const g = gradient(fma(x, y, z) * x, x, y, z)(x = 2.0, y = 3.0, z = 5.0);
    CHECK(g[0] == 2 * 2.0 * 3.0 + 5.0);
    CHECK(g[1] == 4.0);
    CHECK(g[2] == 2.0);
    CHECK(fma(2.5, x, 1.0)(x = 4.0) == 11.0);
    CHECK(d(fma(2.5, 4, x * x), x)(x = 3.0) == 6.0);
    // the tape: the value is std::fma's; the partials b, a and 1
    tape::scope recording;
    tape::var a = 0.1, b = 10.0, c = -1.0;
    tape::var const r = fma(a, b, c);
    CHECK(r.value() == std::fma(0.1, 10.0, -1.0));
    auto const taped = tape::gradient(r, a, b, c);
    CHECK(taped[0] == 10.0);
    CHECK(taped[1] == 0.1);
    CHECK(taped[2] == 1.0);
    // numbers in any position
    CHECK(tape::gradient(fma(a, 3.0, 1.0), a)[0] == 3.0);
    CHECK(tape::gradient(fma(2.0, 3.0, c), c)[0] == 1.0);
    CHECK(tape::gradient(fma(2.0, b, 1), b)[0] == 2.0);
    CHECK(tape::gradient(fma(a, a, a), a)[0] == doctest::Approx(2 * 0.1 + 1).epsilon(1e-15));
}

TEST_CASE("floor, ceil, round, trunc, sign: values, and a derivative of 0 also at the jumps") {
    auto floor_of = [](auto t) {
        using std::floor;
        return floor(t);
    };
    auto ceil_of = [](auto t) {
        using std::ceil;
        return ceil(t);
    };
    auto round_of = [](auto t) {
        using std::round;
        return round(t);
    };
    auto trunc_of = [](auto t) {
        using std::trunc;
        return trunc(t);
    };
    auto sign_of = [](auto t) {
        using leibniz::sign;
        return sign(t);
    };
    // away from the jumps and at them (integers; for round the halves, which go away from 0)
    for (double p : {-2.5, -2.0, -1.7, -0.5, -0.2, 0.0, 0.3, 0.5, 1.0, 1.5, 2.7}) {
        check_edge(floor_of, p, std::floor(p), 0.0);
        check_edge(ceil_of, p, std::ceil(p), 0.0);
        check_edge(round_of, p, std::round(p), 0.0);
        check_edge(trunc_of, p, std::trunc(p), 0.0);
        check_edge(sign_of, p, p > 0 ? 1.0 : p < 0 ? -1.0 : 0.0, 0.0);
    }
    CHECK(round(x)(x = 2.5) == 3.0);
    CHECK(round(x)(x = -2.5) == -3.0);
    // NaN in, NaN out, and so its derivative
    check_edge(floor_of, not_a_number, not_a_number, 0.0);
    check_edge(round_of, not_a_number, not_a_number, 0.0);
    // the difference between the engines that README's policy states: where the step's value
    // makes a later function infinite, d folds the step's 0 first, the sweep and the tape give
    // inf * 0
    auto const log_of_step = log(floor(x));
    CHECK(d(log_of_step, x)(x = 0.5) == 0.0);
    CHECK(std::isnan(gradient(log_of_step, x)(x = 0.5)[0]));
    {
        tape::scope recording;
        tape::var a = 0.5;
        CHECK(std::isnan(tape::gradient(log(floor(a)), a)[0]));
    }
    // a step inside an expression: only the other factors are differentiated
    auto const g = gradient(floor(x) * y + x, x, y)(x = 2.7, y = 3.0);
    CHECK(g[0] == 1.0);
    CHECK(g[1] == 2.0);
    tape::scope recording;
    tape::var a = 2.7, b = 3.0;
    auto const taped = tape::gradient(floor(a) * b + a, a, b);
    CHECK(taped[0] == 1.0);
    CHECK(taped[1] == 2.0);
}

TEST_CASE("the new functions in float and long double") {
    CHECK(asinh(x)(x = 0.5f) == std::asinh(0.5f));
    CHECK(gradient(atanh(x), x)(x = 0.5f)[0] == doctest::Approx(1.0f / 0.75f).epsilon(1e-6));
    CHECK(log2(x)(x = 8.0L) == 3.0L);
    CHECK(gradient(exp2(x), x)(x = 1.0L)[0] == doctest::Approx(2.0 * std::numbers::ln2).epsilon(1e-15));
    CHECK(gradient(lgamma(x), x)(x = 1.0L)[0] == doctest::Approx(-std::numbers::egamma).epsilon(1e-15));
    // complex numbers where the standard library has them: asinh, acosh, atanh, log10, and
    // log2, exp2 through log and exp
    std::complex<double> const w{0.5, 0.25};
    CHECK(std::abs(asinh(x)(x = w) - std::asinh(w)) < 1e-15);
    CHECK(std::abs(log2(x)(x = w) - std::log(w) / std::numbers::ln2) < 1e-15);
    CHECK(std::abs(d(exp2(x), x)(x = w) - std::exp(w * std::numbers::ln2) * std::numbers::ln2) < 1e-15);
}

TEST_CASE("the new functions print, in text, LaTeX and dot") {
    CHECK(to_string(log2(x) + acosh(y)) == "acosh(y) + log2(x)");
    CHECK(to_string(d(log2(x), x)) == "1/(x*log(2))");
    CHECK(to_string(d(asinh(x), x)) == "1/hypot(1, x)");
    CHECK(to_string(d(lgamma(x), x, x)) == "trigamma(x)");
    CHECK(to_string(d(lgamma(x), x, x, x)) == "polygamma2(x)");
    CHECK(to_latex(log10(x)) == "\\log_{10}\\left(x\\right)");
    CHECK(to_latex(floor(x)) == "\\operatorname{floor}\\left(x\\right)");
    CHECK(to_latex(d(erfc(x), x)) == "-\\frac{2 \\exp\\left(-{x}^{2}\\right)}{\\sqrt{\\pi}}");
    std::string const dot = to_dot(tgamma(x) + atanh(y), x = 2.0, y = 0.5);
    CHECK(dot.find("tgamma(x)") != std::string::npos);
    CHECK(dot.find("atanh(y)") != std::string::npos);
}
