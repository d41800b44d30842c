// Every function of the rule table: its symbolic derivative, evaluated, agrees with central
// finite differences of its value at several points inside its domain.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
constexpr var<"x"> x;

// Central difference with a step scaled to the point; error O(h^2) ~ 1e-10 relative.
template <class F> double central_difference(F const& f, double at) {
    double h = 1e-5 * (1.0 + std::fabs(at));
    return (f(at + h) - f(at - h)) / (2 * h);
}

template <class F> void check_derivative(F const& f, std::initializer_list<double> points) {
    auto symbolic = d(f(x), x);
    for (double p : points) {
        CAPTURE(p);
        CAPTURE(to_string(symbolic));
        double expected = central_difference(f, p);
        CHECK(f(x)(x = p) == doctest::Approx(f(p)).epsilon(1e-14));
        CHECK(symbolic(x = p) == doctest::Approx(expected).epsilon(1e-6));
    }
}
}  // namespace

TEST_CASE("every function's derivative matches finite differences") {
    check_derivative([](auto t) { return exp(t); }, {-3.0, -0.5, 0.0, 0.7, 4.0});
    check_derivative([](auto t) { return expm1(t); }, {-2.0, -1e-3, 0.3, 2.5});
    check_derivative([](auto t) { return log(t); }, {0.1, 0.5, 1.0, 3.0, 40.0});
    check_derivative([](auto t) { return log1p(t); }, {-0.9, -0.2, 0.0, 0.8, 12.0});
    check_derivative([](auto t) { return sin(t); }, {-2.0, 0.0, 0.7, 1.5, 3.0});
    check_derivative([](auto t) { return cos(t); }, {-2.0, 0.0, 0.7, 1.5, 3.0});
    check_derivative([](auto t) { return tan(t); }, {-1.2, -0.3, 0.0, 0.7, 1.3});
    check_derivative([](auto t) { return asin(t); }, {-0.9, -0.4, 0.0, 0.5, 0.95});
    check_derivative([](auto t) { return acos(t); }, {-0.9, -0.4, 0.0, 0.5, 0.95});
    check_derivative([](auto t) { return atan(t); }, {-5.0, -0.4, 0.0, 0.5, 3.0});
    check_derivative([](auto t) { return sinh(t); }, {-2.0, 0.0, 0.7, 3.0});
    check_derivative([](auto t) { return cosh(t); }, {-2.0, 0.0, 0.7, 3.0});
    check_derivative([](auto t) { return tanh(t); }, {-2.0, -0.1, 0.0, 0.49, 3.0});
    check_derivative([](auto t) { return sigmoid(t); }, {-6.0, -1.0, 0.0, 0.3, 5.0});
    check_derivative([](auto t) { return softplus(t); }, {-6.0, -1.0, 0.0, 0.3, 5.0});
    check_derivative([](auto t) { return relu(t); }, {-2.0, -0.5, 0.5, 3.0});
    check_derivative([](auto t) { return abs(t); }, {-2.0, -0.5, 0.5, 3.0});
    check_derivative([](auto t) { return erf(t); }, {-2.0, -0.5, 0.0, 0.5, 1.7});
    check_derivative([](auto t) { return sqrt(t); }, {0.01, 0.5, 2.0, 9.0});
    check_derivative([](auto t) { return cbrt(t); }, {-8.0, -0.5, 0.2, 2.0, 27.0});
    check_derivative([](auto t) { return square(t); }, {-3.0, 0.0, 0.5, 2.0});
    check_derivative([](auto t) { return pow(t, 3_c); }, {-2.0, 0.0, 0.5, 2.0});
    check_derivative([](auto t) { return pow(t, c<5, 2>); }, {0.1, 0.5, 2.0});
    check_derivative([](auto t) { return pow(t, -2.5); }, {0.1, 0.5, 2.0});
    check_derivative([](auto t) { return pow(t, t); }, {0.2, 1.0, 2.5});
    check_derivative([](auto t) { return pow(2.0, t); }, {-1.0, 0.0, 1.5});
    check_derivative([](auto t) { return atan2(t, 2.0); }, {-3.0, 0.0, 1.0});
    check_derivative([](auto t) { return atan2(1.5, t); }, {-3.0, 0.5, 1.0});
    check_derivative([](auto t) { return hypot(t, 2.0); }, {-3.0, 0.0, 1.0});
    check_derivative([](auto t) { return min(t, 1.0); }, {-3.0, 0.5, 2.0});
    check_derivative([](auto t) { return max(t, 1.0); }, {-3.0, 0.5, 2.0});
}

TEST_CASE("compositions: the chain-rule article's one-variable examples") {
    check_derivative([](auto t) { return exp(t * t); }, {-1.0, 0.0, 0.5, 1.2});
    check_derivative([](auto t) { return log(sin(t)); }, {0.3, 1.0, 2.5});
    check_derivative([](auto t) { return sin(t * t); }, {-1.0, 0.0, 0.5, 1.2});
    check_derivative([](auto t) { return pow(3 * t * t + 7, 10_c); }, {-1.0, 0.0, 0.3});
    check_derivative([](auto t) { return exp(-(t * t) / 2); }, {-1.0, 0.0, 0.5, 2.0});
    check_derivative([](auto t) { return pow(t, t); }, {0.5, 1.0, 2.0});
    check_derivative([](auto t) { return 1 / (1 + exp(-t)); }, {-3.0, 0.0, 2.0});
}

TEST_CASE("the chain h = x^2, g = tanh, f = v^2 at x = 0.7 gives df/dx = 1.0094") {
    auto f = pow(tanh(x * x), 2_c);
    double slope = d(f, x)(x = 0.7);
    CHECK(std::round(slope * 1e4) / 1e4 == 1.0094);
    // The three local factors of the seed: f'(g) = 0.9084, g'(h) = 0.7937, h'(x) = 1.4000
    constexpr var<"h"> h;
    constexpr var<"v"> v;
    double hx = (x * x)(x = 0.7), gh = tanh(h)(h = hx);
    CHECK(d(v * v, v)(v = gh) == doctest::Approx(0.9084).epsilon(1e-4));
    CHECK(d(tanh(h), h)(h = hx) == doctest::Approx(0.7937).epsilon(1e-4));
    CHECK(d(x * x, x)(x = 0.7) == doctest::Approx(1.4).epsilon(1e-12));
}

TEST_CASE("sigmoid through exp: s' = s(1 - s)") {
    auto s = 1_c / (1_c + exp(-x));
    for (double p : {-4.0, -0.5, 0.0, 1.0, 3.0}) {
        double sv = s(x = p);
        CHECK(d(s, x)(x = p) == doctest::Approx(sv * (1 - sv)).epsilon(1e-14));
    }
}

TEST_CASE("points without a derivative: the documented one-sided choices") {
    constexpr var<"y"> y;
    CHECK(d(abs(x), x)(x = 0.0) == 0.0);              // abs'(0) = sign(0) = 0
    CHECK(d(relu(x), x)(x = 0.0) == 0.0);             // relu'(0) = 0
    CHECK(d(max(x, y), x)(x = 1.0, y = 1.0) == 0.5);  // a tie splits evenly
    CHECK(d(max(x, y), y)(x = 1.0, y = 1.0) == 0.5);
    CHECK(d(min(x, y), x)(x = 1.0, y = 1.0) == 0.5);
    CHECK(d(max(x, y), x)(x = 2.0, y = 1.0) == 1.0);
    CHECK(d(min(x, y), x)(x = 2.0, y = 1.0) == 0.0);
    CHECK(std::isinf(d(sqrt(x), x)(x = 0.0)));  // sqrt'(0) = +infinity
    CHECK(d(sqrt(x), x)(x = 0.0) > 0);
}
