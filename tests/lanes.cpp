// Lanes: std::experimental::simd<double> bound to variables, so that one evaluation or one
// reverse sweep computes several points at once. Every lane must be what the double engine
// gives at that lane's point: every rule, the branches of the rules (relu, abs, max, sigmoid's
// two forms), select with an untaken arm that is NaN in some lanes and not in others, powers of
// negative bases, families, Hessians and Jacobians, derivative expressions from d.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <experimental/simd>
#include <limits>

#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
namespace stdx = std::experimental;

using lanes4 = stdx::fixed_size_simd<double, 4>;
using native = stdx::native_simd<double>;  // 2 lanes with SSE2 (CI's flags), 4 with AVX, 8 with AVX-512

constexpr var<"x"> x;
constexpr var<"y"> y;

// lanes whose k-th lane is values[k % values.size()]
template <class L, std::size_t M> L lanes_of(std::array<double, M> const& values) {
    return L([&](auto k) { return values[static_cast<std::size_t>(k) % M]; });
}

// what the double engine gives, in a lane: the same number to a relative 1e-13 (libstdc++'s
// simd sin, cos, tanh' differ from libm's in the last bits), the same infinity, NaN for NaN
bool same_number(double lane, double expected) {
    if (std::isnan(expected)) return std::isnan(lane);
    if (std::isinf(expected)) return lane == expected;
    return std::abs(lane - expected) <= 1e-13 * std::abs(expected) + 1e-300;
}

// points where the rules' branches differ from lane to lane: negative and positive x, a zero,
// sigmoid's and tanh's far tails, x on either side of y
constexpr std::array<double, 8> xs{-1.5, 0.75, 0.0, 2.5, -800.0, 40.0, 0.3, -0.2};
constexpr std::array<double, 8> ys{0.5, -2.0, 1.25, 2.5, 3.0, 0.5, 0.9, -0.7};

template <class L, class F> void value_and_gradient_in_every_lane(F const& f) {
    for (std::size_t first = 0; first < xs.size(); first += L::size()) {
        std::array<double, 8> px{}, py{};
        for (std::size_t k = 0; k < 8; ++k) px[k] = xs[(first + k) % 8], py[k] = ys[(first + k) % 8];
        L const lx = lanes_of<L>(px), ly = lanes_of<L>(py);
        L const value = f(x = lx, y = ly);
        std::array<L, 2> const g = gradient(f, x, y)(x = lx, y = ly);
        for (std::size_t k = 0; k < L::size(); ++k) {
            CAPTURE(px[k]);
            CAPTURE(py[k]);
            CHECK(same_number(value[k], f(x = px[k], y = py[k])));
            auto const expected = gradient(f, x, y)(x = px[k], y = py[k]);
            CHECK(same_number(g[0][k], expected[0]));
            CHECK(same_number(g[1][k], expected[1]));
        }
    }
}

template <class L> void every_rule_in_every_lane() {
    value_and_gradient_in_every_lane<L>(exp(x) * y + expm1(y) - log1p(x * x) + exp2(y));
    value_and_gradient_in_every_lane<L>(log(x) + log2(y) * log10(x * x + 1_c));  // NaN in some lanes
    value_and_gradient_in_every_lane<L>(sin(x * y) + cos(x) * tan(y / 4_c) + atan(x - y));
    value_and_gradient_in_every_lane<L>(asin(y / 4_c) + acos(x / 1000_c) + atanh(y / 4_c));
    value_and_gradient_in_every_lane<L>(sinh(y) * cosh(y / 2_c) + tanh(x) + asinh(x) + acosh(y * y + 1_c));
    value_and_gradient_in_every_lane<L>(sigmoid(x) * y + log(sigmoid(x)) + softplus(x - y));
    value_and_gradient_in_every_lane<L>(relu(x - y) + abs(x) * y + sign(x) + heaviside(y) * x);
    value_and_gradient_in_every_lane<L>(floor(x * y) + ceil(x) + round(y * 3_c) + trunc(x - y) + x);
    value_and_gradient_in_every_lane<L>(erf(x) * erfc(y));
    value_and_gradient_in_every_lane<L>(atan2(x, y) + hypot(x, y) + max(x, y) * min(x, y) + max(x, x));
    value_and_gradient_in_every_lane<L>(pow(y * y + 1_c, x) + pow(x, y));  // x^y: NaN where x < 0
    // rational powers: the real cube root of a negative base, an even root's NaN, x^(2/5)
    value_and_gradient_in_every_lane<L>(cbrt(x) * y + pow(x, c<2, 5>) + pow(x, c<3, 5>) + sqrt(y) * x);
    value_and_gradient_in_every_lane<L>(sqrt(x) * sqrt(x) + square(x) / (y * y + 1_c));  // x where_nonnegative
}

TEST_CASE("lanes of a fixed size give, lane by lane, the double engine's values and gradients") {
    every_rule_in_every_lane<lanes4>();
}

TEST_CASE("the machine's native lanes give, lane by lane, the double engine's values and gradients") {
    every_rule_in_every_lane<native>();
}

TEST_CASE("select in lanes: each lane takes its own arm, and an arm untaken in a lane passes that lane no NaN") {
    // log(x) * y is NaN where x < 0, the lanes that take y * y: d/dy must be 2y there, not NaN
    auto const f = select(x > 0_c, log(x) * y, y * y);
    value_and_gradient_in_every_lane<lanes4>(f);
    value_and_gradient_in_every_lane<lanes4>(select(x > 0_c && y > 0_c, sqrt(x) * y, select(!(x < y), x, sqrt(y))));
    value_and_gradient_in_every_lane<lanes4>(select(x <= y || x > 1_c, x * y, log(y) * x) + select(x < y, 1_c, 0_c));

    lanes4 const lx = lanes_of<lanes4>(std::array{-1.0, 2.0, -3.0, 4.0});
    lanes4 const ly = lanes_of<lanes4>(std::array{1.5, 2.0, 2.5, 3.0});
    auto const g = gradient(f, x, y)(x = lx, y = ly);
    CHECK(g[1][0] == 3.0);  // 2y
    CHECK(g[1][1] == doctest::Approx(std::log(2.0)));
    CHECK(g[1][2] == 5.0);
    CHECK(g[0][2] == 0.0);  // the untaken log(x)'s 1/x times a zero adjoint: 0, not NaN
}

TEST_CASE("sin and cos in lanes are libm's beyond 2^31, where libstdc++'s simd reduces the argument wrongly") {
    // libstdc++ 12 alone: sin(1e15) is cos(1e15), sin(1e22) is -6e70, sin(1e100) is infinity
    auto const f = sin(x) + cos(y) * x;
    std::array<double, 4> const big{1e15, 1e22, -1e100, 3.0};
    value_and_gradient_in_every_lane<lanes4>(f);
    lanes4 const lx = lanes_of<lanes4>(big), ly = lanes_of<lanes4>(std::array{1e300, -2e31, 0.5, 1e9});
    lanes4 const value = f(x = lx, y = ly);
    auto const g = gradient(f, x, y)(x = lx, y = ly);
    for (std::size_t k = 0; k < 4; ++k) {
        double const px = lx[k], py = ly[k];
        CHECK(value[k] == std::sin(px) + std::cos(py) * px);
        CHECK(g[0][k] == std::cos(px) + std::cos(py));
        CHECK(g[1][k] == -std::sin(py) * px);
    }
}

TEST_CASE("a zero adjoint times an infinite local derivative is 0 in each lane, as in the tape") {
    auto const f = sqrt(x) * y;  // d/dx at (0, 0) is 0 * infinity: 0, as the tape gives
    auto const g = gradient(f, x, y)(x = lanes4(0.0), y = lanes_of<lanes4>(std::array{0.0, 1.0, 0.0, 2.0}));
    CHECK(g[0][0] == 0.0);
    CHECK(std::isinf(g[0][1]));
    CHECK(g[0][2] == 0.0);
}

TEST_CASE("a family bound from an array of lanes: the Rosenbrock gradient at four points in one sweep") {
    constexpr var_array<"w", 4> w;
    auto const rosenbrock =
        sum<3>([&](auto i) { return 100_c * square(w[i + 1_c] - square(w[i])) + square(1_c - w[i]); });
    std::array<std::array<double, 4>, 4> const points{
        {{-1.2, 1.0, 0.5, 2.0}, {0.0, 0.0, 0.0, 0.0}, {1.0, 1.0, 1.0, 1.0}, {3.0, -2.0, 0.25, 1.5}}};
    std::array<lanes4, 4> bound{};
    for (std::size_t i = 0; i < 4; ++i)
        bound[i] = lanes4([&](auto k) { return points[static_cast<std::size_t>(k)][i]; });
    auto const [value, g] = value_and_gradient(rosenbrock, w)(w = bound);
    for (std::size_t k = 0; k < 4; ++k) {
        CHECK(value[k] == rosenbrock(w = points[k]));
        auto const expected = gradient(rosenbrock, w)(w = points[k]);
        for (std::size_t i = 0; i < 4; ++i) CHECK(g[i][k] == expected[i]);
    }
    CHECK(value[2] == 0.0);  // the minimum
}

TEST_CASE("Hessians, Jacobians and derivative expressions in lanes, lane by lane") {
    auto const f = exp(x * y) + sin(x) * y * y;
    lanes4 const lx = lanes_of<lanes4>(std::array{0.5, -1.0, 2.0, 0.0});
    lanes4 const ly = lanes_of<lanes4>(std::array{1.0, 0.25, -0.5, 3.0});
    auto const h = hessian(f, x, y)(x = lx, y = ly);
    auto const j = jacobian(outputs(f, x * log1p(y * y)), x, y)(x = lx, y = ly);
    lanes4 const dfdx = d(f, x)(x = lx, y = ly);
    for (std::size_t k = 0; k < 4; ++k) {
        double const px = lx[k], py = ly[k];
        auto const hk = hessian(f, x, y)(x = px, y = py);
        auto const jk = jacobian(outputs(f, x * log1p(y * y)), x, y)(x = px, y = py);
        for (std::size_t r = 0; r < 2; ++r)
            for (std::size_t c = 0; c < 2; ++c) {
                CHECK(same_number(h[r][c][k], hk[r][c]));
                CHECK(same_number(j[r][c][k], jk[r][c]));
            }
        CHECK(same_number(dfdx[k], d(f, x)(x = px, y = py)));
    }
}

TEST_CASE("plain numbers meet lanes: an expression's own numbers and a double bound beside the lanes") {
    auto const f = 2.5 * x + y * 0.5;  // the expression's numbers are doubles, its variables lanes and a double
    lanes4 const lx = lanes_of<lanes4>(std::array{1.0, 2.0, 3.0, 4.0});
    lanes4 const value = f(x = lx, y = 2.0);
    auto const g = gradient(f * f, x, y)(x = lx, y = 2);
    for (std::size_t k = 0; k < 4; ++k) {
        CHECK(value[k] == 2.5 * lx[k] + 1.0);
        CHECK(g[0][k] == 2.0 * value[k] * 2.5);
        CHECK(g[1][k] == 2.0 * value[k] * 0.5);
    }
}

}  // namespace
