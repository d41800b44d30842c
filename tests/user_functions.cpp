// A user's own functions (function.hpp) in every engine: evaluation, d, gradient, jacobian,
// hessian, the tape, check_derivatives, printing and to_dot; rules of one, two and three
// arguments, a rule whose derivative is computed on numbers only, with_derivative, and rules
// told apart by their type when they share a name.
#include "every_engine.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <leibniz/check.hpp>
#include <leibniz/dot.hpp>
#include <leibniz/leibniz.hpp>
#include <leibniz/ostream.hpp>
#include <sstream>
#include <string>
#include <string_view>
#include <tuple>

using namespace leibniz::literals;

namespace user {

/// The Gudermannian function gd(x) = 2 atan(tanh(x / 2)), gd'(x) = 1 / cosh(x): a derivative
/// written with leibniz's functions, so it works in d and hessian too.
struct gudermannian_rule {
    static constexpr std::string_view name = "gd";
    static constexpr std::string_view latex = "\\operatorname{gd}";
    template <class X> static constexpr auto value(X const& x) {
        using std::atan;
        using std::tanh;
        return 2 * atan(tanh(x / 2));
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        using leibniz::cosh;
        return 1_c / cosh(x);
    }
};
inline constexpr leibniz::function<gudermannian_rule> gd{};

/// A rule named "sin" that is not leibniz's sin.
struct sine_rule {
    static constexpr std::string_view name = "sin";
    template <class X> static constexpr auto value(X const& x) {
        using std::sin;
        return sin(x);
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        using leibniz::cos;
        return cos(x);
    }
};
inline constexpr leibniz::function<sine_rule> my_sin{};

/// The Euclidean norm of three numbers: a rule of three arguments, one partial each.
struct norm3_rule {
    static constexpr std::string_view name = "norm3";
    template <class A, class B, class C> static constexpr auto value(A const& a, B const& b, C const& c) {
        using std::hypot;
        return hypot(a, b, c);
    }
    template <class A, class B, class C, class Y>
    static constexpr auto partials(A const& a, B const& b, C const& c, Y const& y) {
        return std::tuple{a / y, b / y, c / y};
    }
};
inline constexpr leibniz::function<norm3_rule> norm3{};

/// The Bessel function J0 from the standard library's special functions: its derivative -J1 is
/// computed on numbers only (it takes doubles), so gradient, jacobian and the tape use it, and
/// d refuses it (tests/compile_fail/user_function_numeric_derivative_in_d.cpp).
struct bessel_j0_rule {
    static constexpr std::string_view name = "J0";
    static double value(double x) { return std::cyl_bessel_j(0.0, x); }
    static double derivative(double x, double) { return -std::cyl_bessel_j(1.0, x); }
};
inline constexpr leibniz::function<bessel_j0_rule> j0{};

}  // namespace user

namespace {
using leibniz::var;
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;
using every_engine::check_value_and_derivative;
using every_engine::same;

// log(e^a + e^b) without overflow, with the derivative given: sigmoid(a - b), sigmoid(b - a)
constexpr auto logaddexp = leibniz::with_derivative<"logaddexp">(
    [](auto a, auto b) {
        using leibniz::max;
        using leibniz::abs;
        using leibniz::exp;
        using leibniz::log1p;
        return max(a, b) + log1p(exp(-abs(a - b)));
    },
    [](auto a, auto b, auto) {
        using leibniz::sigmoid;
        return std::pair{sigmoid(a - b), sigmoid(b - a)};
    });
}  // namespace

// d, provable, in canonical form like leibniz's own functions
static_assert(leibniz::d(user::gd(x), x) == 1_c / cosh(x));
static_assert(leibniz::d(user::gd(x * x), x) == 2_c * x / cosh(x * x));
static_assert(leibniz::d(user::norm3(x, y, z), y) == y / user::norm3(x, y, z));
static_assert(leibniz::d(logaddexp(x, y), x) == sigmoid(x - y));
// told apart by type: a rule named "sin" is not sin, and does not cancel against it
static_assert(sin(x) - user::my_sin(x) != 0_c && sin(x) * user::my_sin(x) != pow(sin(x), 2_c));
static_assert(user::my_sin(x) - user::my_sin(x) == 0_c &&
              user::my_sin(x) * user::my_sin(x) == pow(user::my_sin(x), 2_c));
static_assert(leibniz::function_rule<user::norm3_rule, 3> && !leibniz::function_rule<user::norm3_rule, 2>);
static_assert(leibniz::function_rule<user::bessel_j0_rule, 1> && !leibniz::function_rule<user::sine_rule, 2>);

TEST_CASE("a user's function of one argument, in every engine") {
    for (double at : {-3.0, -0.4, 0.0, 0.9, 2.5}) {
        double const value = 2 * std::atan(std::tanh(at / 2));
        check_value_and_derivative([](auto t) { return user::gd(t); }, at, value, 1 / std::cosh(at));
        check_value_and_derivative([](auto t) { return user::gd(t * t) + t; }, at,
                                   2 * std::atan(std::tanh(at * at / 2)) + at, 2 * at / std::cosh(at * at) + 1);
    }
    CHECK(user::gd(0.5) == doctest::Approx(2 * std::atan(std::tanh(0.25))));
    // hessian through d: d2/dx2 gd(x y) = -y^2 sinh(xy)/cosh(xy)^2
    auto const h = leibniz::hessian(user::gd(x * y), x, y)(x = 0.7, y = 1.3);
    double const u = 0.7 * 1.3;
    CHECK(h[0][0] == doctest::Approx(-1.3 * 1.3 * std::sinh(u) / (std::cosh(u) * std::cosh(u))));
    CHECK(h[0][1] == doctest::Approx(1 / std::cosh(u) - u * std::sinh(u) / (std::cosh(u) * std::cosh(u))));
    CHECK(h[0][1] == h[1][0]);
    auto const report =
        leibniz::check_derivatives([](auto a, auto b) { return user::gd(a * b) * b; }, x = 0.3, y = -1.1);
    CHECK(report.agrees());
    CHECK(report.symbolic_available);
}

TEST_CASE("a rule named like one of leibniz's is a function of its own") {
    CHECK((sin(x) - user::my_sin(x))(x = 0.3) == 0.0);
    CHECK(leibniz::to_string(sin(x) * user::my_sin(x)) == "sin(x)*sin(x)");
    CHECK(leibniz::gradient(sin(x) * user::my_sin(x), x)(x = 0.3)[0] ==
          doctest::Approx(2 * std::sin(0.3) * std::cos(0.3)));
    CHECK(leibniz::d(sin(x) + user::my_sin(x), x)(x = 0.3) == doctest::Approx(2 * std::cos(0.3)));
}

TEST_CASE("a user's function of three arguments: partials by argument in every engine") {
    auto const f = [](auto a, auto b, auto c) { return user::norm3(a * b, b, c) * a; };
    for (auto const& [a, b, c] : {std::tuple{1.0, 2.0, 3.0}, std::tuple{-0.5, 0.3, 2.0}, std::tuple{2.0, -1.0, -0.2}}) {
        auto const report = leibniz::check_derivatives(f, x = a, y = b, z = c);
        CAPTURE(report);
        CHECK(report.agrees());
        double const n = std::hypot(a * b, b, c);
        auto const g = leibniz::gradient(f(x, y, z), x, y, z)(x = a, y = b, z = c);
        CHECK(g[0] == doctest::Approx(n + a * a * b * b / n));
        CHECK(g[1] == doctest::Approx(a * (a * a * b + b) / n));
        CHECK(g[2] == doctest::Approx(a * c / n));
        // the tape records three nodes for the call; one argument a number, not recorded
        leibniz::tape::scope recording;
        leibniz::tape::var ta = a, tc = c;
        leibniz::tape::var const taped = user::norm3(ta, b, tc);
        auto const tg = leibniz::tape::gradient(taped, ta, tc);
        CHECK(taped.value() == doctest::Approx(std::hypot(a, b, c)));
        CHECK(tg[0] == doctest::Approx(a / std::hypot(a, b, c)));
        CHECK(tg[1] == doctest::Approx(c / std::hypot(a, b, c)));
    }
    auto const j = leibniz::jacobian(leibniz::outputs(user::norm3(x, y, z), user::norm3(z, z, x)), x, z)(
        x = 1.0, y = 2.0, z = 2.0);
    CHECK(j[0][0] == doctest::Approx(1.0 / 3.0));
    CHECK(j[1][1] == doctest::Approx(4.0 / 3.0));
    CHECK(user::norm3(1.0, 2.0, 2.0) == 3.0);
}

TEST_CASE("a function whose derivative is computed on numbers only: gradient, jacobian and the tape") {
    for (double at : {0.2, 1.0, 2.4048, 5.0}) {
        double const want = -std::cyl_bessel_j(1.0, at);
        CHECK(leibniz::gradient(user::j0(x), x)(x = at)[0] == doctest::Approx(want));
        auto const [value, g] = leibniz::value_and_gradient(user::j0(x * y), x)(x = at, y = 2.0);
        CHECK(value == doctest::Approx(std::cyl_bessel_j(0.0, 2 * at)));
        CHECK(g[0] == doctest::Approx(-2 * std::cyl_bessel_j(1.0, 2 * at)));
        leibniz::tape::scope recording;
        leibniz::tape::var t = at;
        CHECK(leibniz::tape::gradient(user::j0(t), t)[0] == doctest::Approx(want));
    }
    auto const report = leibniz::check_derivatives([](auto a) { return user::j0(a) * a; }, x = 1.5);
    CHECK(!report.symbolic_available);
    CHECK(std::isnan(report.symbolic[0]));
    CHECK(report.agrees());
    std::ostringstream printed;
    printed << report;
    CHECK(printed.str().find("no symbolic derivative") != std::string::npos);
}

TEST_CASE("with_derivative: a function with the derivative given") {
    for (auto const& [a, b] : {std::pair{0.5, -1.0}, std::pair{800.0, 799.0}, std::pair{-3.0, 4.0}}) {
        auto const report = leibniz::check_derivatives([](auto u, auto v) { return logaddexp(u, v); }, x = a, y = b);
        CAPTURE(report);
        CHECK(report.agrees());
        CHECK(logaddexp(x, y)(x = a, y = b) ==
              doctest::Approx(std::max(a, b) + std::log1p(std::exp(-std::abs(a - b)))));
        CHECK(leibniz::gradient(logaddexp(x, y), x)(x = a, y = b)[0] == doctest::Approx(1 / (1 + std::exp(b - a))));
    }
    CHECK(std::isfinite(logaddexp(1000.0, 1000.0)));
}

TEST_CASE("a user's function prints with its own name, in text, LaTeX and to_dot") {
    CHECK(leibniz::to_string(user::gd(x) + user::norm3(x, y, z)) == "gd(x) + norm3(x, y, z)");
    CHECK(leibniz::to_latex(user::gd(x)) == "\\operatorname{gd}\\left(x\\right)");
    CHECK(leibniz::to_latex(user::norm3(x, y, 2_c)) == "\\operatorname{norm3}\\left(x, y, 2\\right)");
    CHECK(leibniz::to_latex(sin(x)) == "\\sin\\left(x\\right)");
    CHECK(leibniz::to_latex(asin(x) + log2(x)) == "\\arcsin\\left(x\\right) + \\log_{2}\\left(x\\right)");
    std::string const dot = leibniz::to_dot(user::j0(x) * logaddexp(x, y), x = 1.0, y = 2.0);
    CHECK(dot.find("J0") != std::string::npos);
    CHECK(dot.find("logaddexp") != std::string::npos);
}
