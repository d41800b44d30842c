// Numbers at the edges of each function's domain: the symbolic derivative, the compile-time
// reverse sweep and the tape give the same answer (the same infinity, the same NaN), and the
// numerically stable forms stay finite and accurate far from zero.
#include <doctest/doctest.h>

#include <cmath>
#include <initializer_list>
#include <leibniz/leibniz.hpp>
#include <limits>

namespace {
using namespace leibniz;
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

// The same number, or both NaN, or the same infinity.
bool same(double a, double b) {
    if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
    if (std::isinf(a) || std::isinf(b)) return a == b;
    return a == doctest::Approx(b).epsilon(1e-12).scale(1e-300);
}

struct derivatives {
    double symbolic, reverse, taped;
};

template <class F> derivatives in_every_engine(F const& f, double at) {
    derivatives out{};
    out.symbolic = d(f(x), x)(x = at);
    out.reverse = gradient(f(x), x)(x = at)[0];
    tape::scope recording;
    tape::var a = at;
    out.taped = tape::gradient(f(a), a)[0];
    return out;
}

template <class F> void check_edge(F const& f, double at, double expected) {
    auto got = in_every_engine(f, at);
    CAPTURE(at);
    CAPTURE(got.symbolic);
    CAPTURE(got.reverse);
    CAPTURE(got.taped);
    CHECK(same(got.symbolic, expected));
    CHECK(same(got.reverse, expected));
    CHECK(same(got.taped, expected));
}
}  // namespace

TEST_CASE("sqrt and powers at zero") {
    check_edge([](auto t) { return sqrt(t); }, 0.0, inf);  // sqrt'(0) = +infinity
    check_edge([](auto t) { return cbrt(t); }, 0.0, inf);
    check_edge([](auto t) { return pow(t, 3_c); }, 0.0, 0.0);
    check_edge([](auto t) { return pow(t, c<3, 2>); }, 0.0, 0.0);
    check_edge([](auto t) { return sqrt(t); }, -1.0, not_a_number);  // outside the domain: NaN, never a number
    // x^0 is 1 everywhere (as std::pow), so its derivative is 0, also at 0
    check_edge([](auto t) { return pow(t, 0_c) * t; }, 0.0, 1.0);
}

TEST_CASE("log at zero and below") {
    check_edge([](auto t) { return log(t); }, 0.0, inf);    // 1/x at 0
    check_edge([](auto t) { return log(t); }, -2.0, -0.5);  // the formula 1/x; the value itself is NaN
    check_edge([](auto t) { return log1p(t); }, -1.0, inf);
    CHECK(std::isnan(log(x)(x = -2.0)));
}

TEST_CASE("asin and acos at +-1") {
    check_edge([](auto t) { return asin(t); }, 1.0, inf);
    check_edge([](auto t) { return asin(t); }, -1.0, inf);
    check_edge([](auto t) { return acos(t); }, 1.0, -inf);
    check_edge([](auto t) { return acos(t); }, -1.0, -inf);
    check_edge([](auto t) { return asin(t); }, 1.5, not_a_number);
}

TEST_CASE("kinks: abs, relu, min, max take the documented side") {
    check_edge([](auto t) { return abs(t); }, 0.0, 0.0);
    check_edge([](auto t) { return relu(t); }, 0.0, 0.0);
    check_edge([](auto t) { return max(t, 0.0); }, 0.0, 0.5);
    check_edge([](auto t) { return min(t, 0.0); }, 0.0, 0.5);
    check_edge([](auto t) { return max(t, 2.0 * t); }, 0.0, 1.5);  // a tie between t and 2t
    check_edge([](auto t) { return abs(t); }, -3.0, -1.0);
}

TEST_CASE("pow with a variable exponent at a zero base") {
    // d/dy x^y = x^y log x: 0 * -inf at x = 0, NaN in every engine (not silently 0)
    double symbolic = d(pow(x, y), y)(x = 0.0, y = 2.0);
    double reverse = gradient(pow(x, y), x, y)(x = 0.0, y = 2.0)[1];
    tape::scope recording;
    tape::var a = 0.0, b = 2.0;
    double taped = tape::gradient(pow(a, b), a, b)[1];
    CHECK(std::isnan(symbolic));
    CHECK(std::isnan(reverse));
    CHECK(std::isnan(taped));
}

TEST_CASE("x^x at zero: x^x (log x + 1) is -infinity in every engine") {
    check_edge([](auto t) { return pow(t, t); }, 0.0, -inf);
    check_edge([](auto t) { return pow(t, t); }, 0.5, std::pow(0.5, 0.5) * (std::log(0.5) + 1));
}

TEST_CASE("overflow and NaN propagate") {
    check_edge([](auto t) { return exp(t); }, 1000.0, inf);
    check_edge([](auto t) { return sin(t) * t; }, not_a_number, not_a_number);
    check_edge([](auto t) { return tanh(t); }, not_a_number, not_a_number);
    CHECK(std::isnan((x * x)(x = not_a_number)));
}

TEST_CASE("stable forms stay finite and accurate far from zero") {
    for (double t : {-500.0, -50.0, 50.0, 500.0}) {
        CAPTURE(t);
        double s = sigmoid(x)(x = t);
        CHECK(std::isfinite(s));
        CHECK(s == doctest::Approx(t > 0 ? 1.0 : std::exp(t) / (1 + std::exp(t))).epsilon(1e-15));
        double ds = d(sigmoid(x), x)(x = t);
        CHECK(std::isfinite(ds));
        CHECK(ds >= 0.0);
        CHECK(ds == doctest::Approx(std::exp(-std::fabs(t))).epsilon(1e-12));  // s(1-s) ~ e^-|t|
        double sp = softplus(x)(x = t);
        CHECK(std::isfinite(sp));
        CHECK(sp == doctest::Approx(t > 0 ? t : std::exp(t)).epsilon(1e-12));
        check_edge([](auto u) { return softplus(u); }, t, sigmoid(x)(x = t));
    }
    // log1p and expm1 keep their digits near zero, where log(1 + x) and exp(x) - 1 lose them
    CHECK(log1p(x)(x = 1e-17) == 1e-17);
    CHECK(expm1(x)(x = 1e-17) == 1e-17);
    CHECK(d(log1p(x), x)(x = 1e-17) == 1.0);
    CHECK(std::isfinite(expm1(x)(x = 500.0)));
}

TEST_CASE("log-sum-exp written with its max shift stays finite at +-500") {
    // lse(a, b) = m + log(exp(a - m) + exp(b - m)), m = max(a, b): no exp ever overflows
    auto m = max(x, y);
    auto lse = m + log(exp(x - m) + exp(y - m));
    for (double a : {-500.0, 0.0, 500.0}) {
        double b = a + 1.0;
        double value = lse(x = a, y = b);
        CHECK(std::isfinite(value));
        CHECK(value == doctest::Approx(b + std::log1p(std::exp(-1.0))).epsilon(1e-14));
        auto g = gradient(lse, x, y)(x = a, y = b);
        // the gradient of log-sum-exp is the softmax: e^a/(e^a + e^b), e^b/(e^a + e^b)
        CHECK(g[0] == doctest::Approx(1 / (1 + std::exp(1.0))).epsilon(1e-14));
        CHECK(g[1] == doctest::Approx(1 / (1 + std::exp(-1.0))).epsilon(1e-14));
        CHECK(d(lse, x)(x = a, y = b) == doctest::Approx(g[0]).epsilon(1e-14));
    }
}
