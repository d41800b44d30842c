// Your own functions: the Bessel functions J0 and J1 and the Lambert W function from
// Boost.Math, added from outside the library as rules (leibniz/function.hpp), and used in every
// engine: evaluation, d, gradient, hessian, the tape, and the graph picture.
//
// J0 and J1 have derivatives written with each other, J0' = -J1 and J1' = J0 - J1/x, so d
// differentiates them to any order: the example checks that d's second derivative satisfies
// Bessel's equation x^2 y'' + x y' + x^2 y = 0, and finds the first zero of J0 (2.404825557695773,
// where a drum's fundamental mode has its rim) by Newton's method with d. Lambert's W has its
// derivative from Boost on numbers only (lambert_w0_prime): gradient and the tape use it, and d
// would refuse it with a sentence.
#include <boost/math/special_functions/bessel.hpp>
#include <boost/math/special_functions/lambert_w.hpp>

#include <cmath>
#include <cstdio>
#include <iostream>
#include <string_view>

#include <leibniz/check.hpp>
#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

struct bessel_j0_rule;
struct bessel_j1_rule;
inline constexpr function<bessel_j0_rule> bessel_j0{};
inline constexpr function<bessel_j1_rule> bessel_j1{};

struct bessel_j0_rule {
    static constexpr std::string_view name = "J0";
    static constexpr std::string_view latex = "J_0";
    template <class X> static auto value(X const& x) { return boost::math::cyl_bessel_j(0, x); }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return -bessel_j1(x); }
};
struct bessel_j1_rule {
    static constexpr std::string_view name = "J1";
    static constexpr std::string_view latex = "J_1";
    template <class X> static auto value(X const& x) { return boost::math::cyl_bessel_j(1, x); }
    // J1' = J0 - J1/x, written with y = J1(x) (the value the engines pass in)
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const& y) {
        return bessel_j0(x) - y / x;
    }
};

// Lambert's W: w e^w = z. Its derivative W/(z (1 + W)) comes from Boost, on numbers only.
struct lambert_w_rule {
    static constexpr std::string_view name = "W";
    static double value(double z) { return boost::math::lambert_w0(z); }
    static double derivative(double z, double) { return boost::math::lambert_w0_prime(z); }
};
inline constexpr function<lambert_w_rule> lambert_w{};

constexpr var<"x"> x;
constexpr var<"k"> k;

static_assert(d(bessel_j0(x), x) == -bessel_j1(x));
static_assert(d(bessel_j0(k * x), x) == -k * bessel_j1(k * x));

int main() {
    examples::comparison compare;
    auto const second = d(bessel_j0(x), x, x);
    std::cout << "J0''(x) = " << second << "\n";
    std::cout << "as LaTeX: " << to_latex(second) << "\n\n";

    compare.header();
    // Bessel's equation for J0, from d's first and second derivatives, at a few points
    auto const bessel_equation = x * x * second + x * d(bessel_j0(x), x) + x * x * bessel_j0(x);
    for (double at : {0.5, 2.0, 7.3}) {
        char what[64];
        std::snprintf(what, sizeof what, "x^2 y'' + x y' + x^2 y at %.1f", at);
        compare(what, bessel_equation(x = at), 0.0, 1e-13);
    }

    // Newton's method for the first zero of J0, with the derivative from d
    auto const newton_step = x - bessel_j0(x) / d(bessel_j0(x), x);
    double zero = 2.0;
    for (int i = 0; i < 6; ++i) zero = newton_step(x = zero);
    compare("first zero of J0 (Newton with d)", zero, 2.404825557695773, 1e-14);

    // The mode J0(k r) of a drum of radius 1: k is the zero; d/dk by gradient and by the tape
    auto const mode = bessel_j0(k * x);
    auto const by_gradient = gradient(mode, k)(k = zero, x = 0.5)[0];
    double by_tape = 0;
    {
        tape::scope recording;
        tape::var tk = zero;
        tape::var const y = bessel_j0(tk * 0.5);
        by_tape = tape::gradient(y, tk)[0];
    }
    double const expected = -0.5 * boost::math::cyl_bessel_j(1, 0.5 * zero);
    compare("d J0(k r)/dk at r = 1/2, gradient", by_gradient, expected, 1e-15);
    compare("d J0(k r)/dk at r = 1/2, tape", by_tape, expected, 1e-15);
    auto const h = hessian(mode, k, x)(k = zero, x = 0.5);
    compare("d2 J0(k r)/dk dr (hessian)", h[0][1], static_cast<double>(d(mode, k, x)(k = zero, x = 0.5)), 1e-15);

    // Lambert's W with its numeric derivative: W(3) and dW/dz at 3 by gradient, the tape and
    // a finite difference
    double const w3 = lambert_w(3.0);
    compare("W(3) e^W(3)", w3 * std::exp(w3), 3.0, 1e-14);
    auto const [w, dw] = value_and_gradient(lambert_w(x * x), x)(x = std::sqrt(3.0));
    compare("W(x^2) at sqrt 3", w, w3, 1e-15);
    double const by_formula = 2 * std::sqrt(3.0) * w3 / (3.0 * (1 + w3));
    compare("d W(x^2)/dx, gradient", dw[0], by_formula, 1e-14);
    {
        tape::scope recording;
        tape::var tx = std::sqrt(3.0);
        tape::var const y = lambert_w(tx * tx);
        compare("d W(x^2)/dx, tape", tape::gradient(y, tx)[0], by_formula, 1e-14);
    }
    double const h_step = 1e-5, at = std::sqrt(3.0);
    compare("d W(x^2)/dx, finite difference",
            (lambert_w((at + h_step) * (at + h_step)) - lambert_w((at - h_step) * (at - h_step))) / (2 * h_step),
            by_formula, 1e-9);
    auto const report =
        check_derivatives([](auto a, auto b) { return lambert_w(a * b) * bessel_j0(b); }, x = 1.5, k = 0.7);
    std::cout << "\ncheck_derivatives of W(x k) J0(k):\n" << report << "\n\n";
    compare.holds("check_derivatives agrees", report.agrees());
    compare.holds("without a symbolic derivative", !report.symbolic_available);

    std::cout << "\nthe graph of J0(k x) * W(x), with adjoints (Graphviz):\n"
              << to_dot(bessel_j0(k * x) * lambert_w(x), k = zero, x = 0.5) << "\n";
    return compare.exit_code();
}
