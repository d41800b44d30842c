// The runtime tape on its own: values and gradients against derivatives worked by hand.
#include <leibniz/tape.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <numbers>

#include <doctest/doctest.h>

#include <leibniz/literals.hpp>

namespace tape = leibniz::tape;
using namespace leibniz::literals;
using doctest::Approx;

TEST_CASE("tape: the example of the API page") {
    tape::scope recording;
    tape::var a = 1.0, b = 2.0;
    auto y = sin(a * b) + exp(a) * b;
    std::array<double, 2> g = tape::gradient(y, a, b);
    CHECK(y.value() == Approx(std::sin(2.0) + std::exp(1.0) * 2.0).epsilon(1e-15));
    CHECK(g[0] == Approx(2.0 * std::cos(2.0) + 2.0 * std::exp(1.0)).epsilon(1e-15));  // b cos(ab) + e^a b
    CHECK(g[1] == Approx(std::cos(2.0) + std::exp(1.0)).epsilon(1e-15));              // a cos(ab) + e^a
}

TEST_CASE("tape: a generic lambda written for double records on tape::var") {
    auto f = [](auto x, auto y) {
        using std::sin;
        using std::exp;
        return sin(x * y) + exp(x) * y;
    };
    tape::scope recording;
    tape::var x = 0.5, y = -1.5;
    auto out = f(x, y);
    auto g = tape::gradient(out, x, y);
    CHECK(out.value() == f(0.5, -1.5));
    CHECK(g[0] == Approx(-1.5 * std::cos(-0.75) + std::exp(0.5) * -1.5));
    CHECK(g[1] == Approx(0.5 * std::cos(-0.75) + std::exp(0.5)));
}

TEST_CASE("tape: the four operations with vars, doubles, ints and compile-time constants") {
    tape::scope recording;
    tape::var x = 3.0, y = 4.0;
    auto sum = x + y + 2 + 0.5 + 1_c;
    auto difference = 10 - x - y - 1.5_c;
    auto product = 2.0 * x * y * leibniz::c<1, 3>;
    auto quotient = x / y / 2 + 1.0 / x;
    auto negated = -x + +y;
    CHECK(sum.value() == 10.5);
    CHECK(difference.value() == 1.5);
    CHECK(product.value() == Approx(8.0));
    CHECK(quotient.value() == Approx(3.0 / 8.0 + 1.0 / 3.0));
    CHECK(negated.value() == 1.0);
    CHECK(tape::gradient(sum, x, y) == std::array{1.0, 1.0});
    CHECK(tape::gradient(difference, x, y) == std::array{-1.0, -1.0});
    auto gp = tape::gradient(product, x, y);
    CHECK(gp[0] == Approx(8.0 / 3.0));
    CHECK(gp[1] == Approx(2.0));
    auto gq = tape::gradient(quotient, x, y);
    CHECK(gq[0] == Approx(1.0 / 8.0 - 1.0 / 9.0));  // 1/(2y) - 1/x^2
    CHECK(gq[1] == Approx(-3.0 / 32.0));            // -x/(2y^2)
    CHECK(tape::gradient(negated, x, y) == std::array{-1.0, 1.0});
    auto with_pi = leibniz::pi_c * x;
    CHECK(with_pi.value() == Approx(3.0 * std::numbers::pi));
    CHECK(tape::gradient(with_pi, x)[0] == Approx(std::numbers::pi));
}

TEST_CASE("tape: compound assignment accumulates like double") {
    tape::scope recording;
    std::array<tape::var, 3> w{1.0, 2.0, 3.0};
    std::array<double, 3> x{0.5, -1.0, 4.0};
    tape::var acc = 0.0;
    for (std::size_t i = 0; i < 3; ++i) acc += w[i] * x[i];
    acc *= 2;
    acc -= 1_c;
    acc /= 4.0;
    CHECK(acc.value() == Approx((2.0 * (0.5 - 2.0 + 12.0) - 1.0) / 4.0));
    auto g = tape::gradient(acc, w);
    CHECK(g[0] == Approx(0.25));
    CHECK(g[1] == Approx(-0.5));
    CHECK(g[2] == Approx(2.0));
}

TEST_CASE("tape: comparisons read values and record nothing") {
    tape::scope recording;
    tape::var x = 1.0, y = 2.0;
    auto before = recording.size();
    CHECK(x < y);
    CHECK(y >= x);
    CHECK(x == 1);
    CHECK(1_c == x);
    CHECK(x != y);
    CHECK(0.5 < x);
    CHECK(recording.size() == before);
}

TEST_CASE("tape: the functions of the rule table, against their derivatives worked by hand") {
    tape::scope recording;
    double const v = 0.3;
    tape::var x = v;
    auto derivative = [&](tape::var const& y) { return tape::gradient(y, x)[0]; };
    CHECK(derivative(exp(x)) == Approx(std::exp(v)));
    CHECK(derivative(expm1(x)) == Approx(std::exp(v)));
    CHECK(derivative(log(x)) == Approx(1 / v));
    CHECK(derivative(log1p(x)) == Approx(1 / (1 + v)));
    CHECK(derivative(sin(x)) == Approx(std::cos(v)));
    CHECK(derivative(cos(x)) == Approx(-std::sin(v)));
    CHECK(derivative(tan(x)) == Approx(1 / (std::cos(v) * std::cos(v))));
    CHECK(derivative(asin(x)) == Approx(1 / std::sqrt(1 - v * v)));
    CHECK(derivative(acos(x)) == Approx(-1 / std::sqrt(1 - v * v)));
    CHECK(derivative(atan(x)) == Approx(1 / (1 + v * v)));
    CHECK(derivative(sinh(x)) == Approx(std::cosh(v)));
    CHECK(derivative(cosh(x)) == Approx(std::sinh(v)));
    CHECK(derivative(tanh(x)) == Approx(1 / (std::cosh(v) * std::cosh(v))));
    double s = 1 / (1 + std::exp(-v));
    CHECK(derivative(sigmoid(x)) == Approx(s * (1 - s)));
    CHECK(derivative(softplus(x)) == Approx(s));
    CHECK(derivative(relu(x)) == 1.0);
    CHECK(derivative(relu(-x)) == 0.0);
    CHECK(derivative(abs(-x)) == 1.0);
    CHECK(derivative(sign(x)) == 0.0);
    CHECK(derivative(heaviside(x)) == 0.0);
    CHECK(derivative(erf(x)) == Approx(2 / std::sqrt(std::numbers::pi) * std::exp(-v * v)));
    CHECK(derivative(sqrt(x)) == Approx(0.5 / std::sqrt(v)));
    CHECK(derivative(cbrt(x)) == Approx(1 / (3 * std::cbrt(v * v))));
    CHECK(derivative(square(x)) == Approx(2 * v));
    CHECK(derivative(pow(x, 3_c)) == Approx(3 * v * v));
    CHECK(derivative(pow(x, 2.5)) == Approx(2.5 * std::pow(v, 1.5)));
    CHECK(derivative(pow(2.0, x)) == Approx(std::pow(2.0, v) * std::log(2.0)));
    CHECK(derivative(pow(x, x)) == Approx(std::pow(v, v) * (std::log(v) + 1)));
    CHECK(derivative(atan2(x, 2.0)) == Approx(2 / (v * v + 4)));
    CHECK(derivative(atan2(2.0, x)) == Approx(-2 / (v * v + 4)));
    CHECK(derivative(hypot(x, 0.4)) == Approx(v / 0.5));
    CHECK(derivative(min(x, 1.0)) == 1.0);
    CHECK(derivative(max(x, 1.0)) == 0.0);
    CHECK(derivative(max(x, x)) == 1.0);  // a tie gives each side half: 1/2 + 1/2
}

TEST_CASE("tape: exact rational powers keep the real cube root of a negative base") {
    tape::scope recording;
    tape::var x = -8.0;
    auto y = cbrt(x);
    CHECK(y.value() == -2.0);
    CHECK(tape::gradient(y, x)[0] == Approx(1.0 / 12.0));  // (1/3) x^(-2/3) = 1/(3*4)
    auto z = pow(x, leibniz::c<2, 3>);
    CHECK(z.value() == Approx(4.0));
    CHECK(tape::gradient(z, x)[0] == Approx(-1.0 / 3.0));  // (2/3) x^(-1/3) = (2/3)/(-2)
    tape::var n = -2.0;
    auto w = pow(n, 3);  // a plain exponent on a negative base: no log(x) is formed
    CHECK(w.value() == -8.0);
    CHECK(tape::gradient(w, n)[0] == 12.0);
}

TEST_CASE("tape: std::min and std::max brought in by using-declarations do not hide the tape's") {
    auto f = [](auto x, auto y) {
        using std::max;
        using std::min;
        return max(x, y) * 3.0 + min(x, y);
    };
    tape::scope recording;
    tape::var a = 1.0, b = 2.0;
    auto y = f(a, b);
    CHECK(y.value() == 7.0);
    CHECK(tape::gradient(y, a, b) == std::array{1.0, 3.0});
}

TEST_CASE("tape: fan-out sums the adjoint over every use") {
    tape::scope recording;
    tape::var x = 1.1;
    tape::var y = x;  // a copy is the same node
    auto s = x * x * x + y * x + sin(x) * cos(x);
    auto g = tape::gradient(s, x, y);
    double expected = 3 * 1.1 * 1.1 + 2 * 1.1 + std::cos(2 * 1.1);
    CHECK(g[0] == Approx(expected));
    CHECK(g[1] == Approx(expected));
}

TEST_CASE("tape: a long chain, and inputs the output does not depend on") {
    tape::scope recording;
    tape::var x = 0.5;
    tape::var unused = 3.0;
    tape::var y = x;
    for (int i = 0; i < 10000; ++i) y = y * 1.0001;
    tape::var later = 2.0;  // recorded after y
    auto g = tape::gradient(y, x, unused, later);
    CHECK(g[0] == Approx(std::pow(1.0001, 10000)).epsilon(1e-12));
    CHECK(g[1] == 0.0);
    CHECK(g[2] == 0.0);
    CHECK(recording.size() == 10003);
}

TEST_CASE("tape: a node the output does not depend on passes back nothing, not NaN") {
    tape::scope recording;
    tape::var x = 0.0;
    auto root = sqrt(x);  // its partial is +infinity at 0
    auto y = 2.0 * x;
    CHECK(std::isinf(tape::gradient(root, x)[0]));
    CHECK(tape::gradient(y, x)[0] == 2.0);
}

TEST_CASE("tape: gradient can be taken several times, and recording goes on between") {
    tape::scope recording;
    tape::var x = 2.0;
    auto y = x * x;
    CHECK(tape::gradient(y, x)[0] == 4.0);
    auto z = y * x;
    CHECK(tape::gradient(z, x)[0] == 12.0);
    CHECK(tape::gradient(y, x)[0] == 4.0);
}
