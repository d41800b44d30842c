// gradient, value_and_gradient, jacobian and hessian on small functions, against the symbolic
// derivative d (to 1e-12 relative) and the tape; every rule of the table is swept through.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <string_view>
#include <type_traits>

#include <leibniz/leibniz.hpp>

#include "gradient_models.hpp"

namespace {
using namespace leibniz;
using namespace leibniz::literals;
using leibniz_test_models::agree;

constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;

// gradient(f, x, y, z) against (d(f, x), d(f, y), d(f, z)) at one point
template <class F> void check_against_symbolic(F const& f, double at_x, double at_y, double at_z) {
    auto const g = gradient(f, x, y, z)(x = at_x, y = at_y, z = at_z);
    std::array<double, 3> const symbolic{d(f, x)(x = at_x, y = at_y, z = at_z), d(f, y)(x = at_x, y = at_y, z = at_z),
                                         d(f, z)(x = at_x, y = at_y, z = at_z)};
    for (std::size_t i = 0; i < 3; ++i) {
        CAPTURE(i);
        CHECK(agree(g[i], symbolic[i]));
    }
}

}  // namespace

TEST_CASE("gradient: the backpropagation article's linear model L = (w x + b - y)^2") {
    constexpr var<"w"> w;
    constexpr var<"b"> b;
    auto const loss = pow(w * x + b - y, 2_c);
    auto const g = gradient(loss, w, x, b)(w = 2.0, x = 3.0, b = 1.0, y = 5.0);
    CHECK(g[0] == 12.0);
    CHECK(g[1] == 8.0);
    CHECK(g[2] == 4.0);
    auto const [value, gradient_too] = value_and_gradient(loss, w, x, b)(w = 2.0, x = 3.0, b = 1.0, y = 5.0);
    CHECK(value == 4.0);
    CHECK(gradient_too == g);
}

TEST_CASE("gradient: every one-argument rule, composed, agrees with d") {
    check_against_symbolic(sin(x * y) + exp(x) * y / (x + z), 0.5, 2.0, 1.5);
    check_against_symbolic(cos(x) * tan(y) - expm1(z * x), 0.3, 0.4, -0.7);
    check_against_symbolic(log(x * x + y) * log1p(z) + sqrt(x + y + z), 1.2, 0.8, 0.6);
    check_against_symbolic(asin(x / 2_c) + acos(y / 3_c) * atan(z * x), 0.5, 1.1, -2.0);
    check_against_symbolic(sinh(x) * cosh(y) + tanh(x * z), 0.6, -0.4, 0.9);
    check_against_symbolic(sigmoid(x - y) + softplus(z * y) + erf(x * z), 0.25, -1.5, 0.75);
    check_against_symbolic(relu(x - y) * abs(z) + cbrt(x * y * z) + square(z - x), 2.0, 0.5, -1.25);
}

TEST_CASE("gradient: a derivative that is another node of the graph is read from it, and agrees with d") {
    // sin' = cos, cos' = -sin, softplus' = sigmoid, relu' = heaviside, abs' = sign, expm1' = exp,
    // sinh' = cosh: each function beside its derivative, so the sweep reads the value it has
    check_against_symbolic(sin(x * y) * cos(x * y) + softplus(z) * sigmoid(z), 0.5, 2.0, 1.5);
    check_against_symbolic(relu(x - y) * heaviside(x - y) + abs(z) * sign(z) + expm1(x) * exp(x), 2.0, 0.5, -1.25);
    check_against_symbolic(sinh(y * z) - cosh(y * z) + exp(sinh(x)) * cosh(x), -0.3, 0.8, 1.1);
}

TEST_CASE("gradient: two-argument rules, quotients and powers agree with d") {
    check_against_symbolic(atan2(y, x) * hypot(x, z), 0.7, -0.3, 1.9);
    check_against_symbolic(max(x, y) + min(y * z, x), 1.5, 0.5, 2.5);
    check_against_symbolic(x / (y * z) + y / pow(x, 3_c) - z / (x * x * y), 1.3, 0.7, 2.1);
    check_against_symbolic(pow(x, y) + pow(z, c<5, 2>) * pow(x * y, c<-1, 3>), 1.4, 0.6, 0.9);
    check_against_symbolic(pow(x + z, y * z) / sqrt(y), 0.8, 1.7, 0.45);
}

TEST_CASE("gradient: a zero factor does not poison the other partials of a product") {
    // d(xyz)/dx = yz even where x = 0: prefix and suffix products, never (xyz)/x
    auto const g = gradient(x * y * z, x, y, z)(x = 0.0, y = 2.0, z = 3.0);
    CHECK(g[0] == 6.0);
    CHECK(g[1] == 0.0);
    CHECK(g[2] == 0.0);
    auto const two_zeros = gradient(x * y * z, x, y, z)(x = 0.0, y = 0.0, z = 3.0);
    CHECK(two_zeros[2] == 0.0);
    CHECK(!std::isnan(two_zeros[0]));
}

TEST_CASE("gradient: plain numbers in the expression, variables it does not use, and a family in the call") {
    double const k = 2.5;
    auto const f = k * x * x + 3.0 * sin(y);
    auto const g = gradient(f, x, y, z)(x = 2.0, y = 0.0);
    CHECK(g[0] == 2 * 2.5 * 2.0);
    CHECK(g[1] == 3.0);
    CHECK(g[2] == 0.0);  // z is not used: zero, and it needs no binding
}

TEST_CASE("gradient: float, double and long double") {
    auto const f = x * x * y + sin(y);
    std::array<float, 2> const in_float = gradient(f, x, y)(x = 1.5f, y = 0.5f);
    std::array<long double, 2> const in_long_double = gradient(f, x, y)(x = 1.5L, y = 0.5L);
    CHECK(in_float[0] == doctest::Approx(3.0 * 0.5).epsilon(1e-6));
    CHECK(in_long_double[0] == 2.0L * 1.5L * 0.5L);
    CHECK(std::abs(in_long_double[1] - (2.25L + std::cos(0.5L))) <= 1e-18L);
}

TEST_CASE("gradient: agrees with the tape") {
    auto const f = [](auto a, auto b) {
        using std::exp, std::log, std::sin;
        return sin(a * b) + exp(a) * b - log(a + b * b) / (a * b);
    };
    auto const g = gradient(f(x, y), x, y)(x = 0.9, y = 1.7);
    leibniz::tape::scope recording;
    leibniz::tape::var a = 0.9, b = 1.7;
    auto const taped = leibniz::tape::gradient(f(a, b), a, b);
    CHECK(agree(g[0], taped[0]));
    CHECK(agree(g[1], taped[1]));
    CHECK(agree(f(x, y)(x = 0.9, y = 1.7), f(0.9, 1.7)));
}

TEST_CASE("jacobian: rows are the outputs' gradients; plain numbers of each output keep their own slots") {
    auto const f = 2.0 * x * y + sin(x);
    auto const g = 3.0 * x * y + exp(y) * sin(x);  // shares x*y and sin(x) with f
    auto const jac = jacobian(outputs(f, g), x, y)(x = 0.4, y = 1.3);
    auto const gf = gradient(f, x, y)(x = 0.4, y = 1.3);
    auto const gg = gradient(g, x, y)(x = 0.4, y = 1.3);
    for (std::size_t j = 0; j < 2; ++j) {
        CHECK(agree(jac[0][j], gf[j]));
        CHECK(agree(jac[1][j], gg[j]));
    }
    CHECK(agree(jac[1][0], 3.0 * 1.3 + std::exp(1.3) * std::cos(0.4)));
    // a single expression is a one-row Jacobian
    CHECK(jacobian(f, x, y)(x = 0.4, y = 1.3)[0] == gf);
}

TEST_CASE("jacobian: an output that is a variable itself, or a constant") {
    auto const jac = jacobian(outputs(x, 2_c + 0_c * y, x * y), x, y)(x = 3.0, y = 4.0);
    CHECK(jac[0] == std::array{1.0, 0.0});
    CHECK(jac[1] == std::array{0.0, 0.0});
    CHECK(jac[2] == std::array{4.0, 3.0});
}

TEST_CASE("jacobian: rows swept together (detail/adjoint_lanes.hpp) are each row's own gradient") {
    // one row's infinities do not reach another's: at y = 0 the partials of x / y are infinite,
    // and the row of z x, whose own sweep never multiplies by them, is still (z, 0, x), an exact 0
    auto const apart = jacobian(outputs(x / y, z * x), x, y, z)(x = 1.0, y = 0.0, z = 2.0);
    CHECK(apart[1] == std::array{2.0, 0.0, 1.0});
    CHECK(!std::signbit(apart[1][1]));
    // a root that another row reads (f in f z), a row twice, and an odd count of rows: double
    // sweeps two rows at a time and the fifth alone, float four at a time and the fifth alone;
    // three float rows fill four lanes, the last repeated
    auto const f = sin(x) * y;
    auto const each = [&](auto at_x, auto at_y, auto at_z) {
        auto const at = [&](auto const& e) { return gradient(e, x, y, z)(x = at_x, y = at_y, z = at_z); };
        return std::array{at(f), at(f * z), at(exp(f)), at(f), at(x + y * z)};
    };
    auto const rows = outputs(f, f * z, exp(f), f, x + y * z);
    auto const by_double = jacobian(rows, x, y, z)(x = 0.7, y = 1.3, z = -0.4);
    auto const by_float = jacobian(rows, x, y, z)(x = 0.7f, y = 1.3f, z = -0.4f);
    auto const three_floats = jacobian(outputs(f, f * z, exp(f)), x, y, z)(x = 0.7f, y = 1.3f, z = -0.4f);
    auto const expected = each(0.7, 1.3, -0.4);
    auto const expected_float = each(0.7f, 1.3f, -0.4f);
    for (std::size_t r = 0; r < 5; ++r)
        for (std::size_t i = 0; i < 3; ++i) {
            CAPTURE(r);
            CAPTURE(i);
            CHECK(agree(by_double[r][i], expected[r][i]));
            CHECK(agree(by_float[r][i], expected_float[r][i], 1e-6f));
            if (r < 3) CHECK(agree(three_floats[r][i], expected_float[r][i], 1e-6f));
        }
}

TEST_CASE("hessian: agrees with the symbolic second derivatives and is symmetric") {
    auto const f = sin(x * y) + exp(x) * y / (x + z) + pow(z, 3_c) * x;
    auto const h = hessian(f, x, y, z)(x = 0.5, y = 2.0, z = 1.5);
    auto const at = [](auto const& e) { return e(x = 0.5, y = 2.0, z = 1.5); };
    std::array<std::array<double, 3>, 3> const symbolic{
        std::array{at(d(f, x, x)), at(d(f, x, y)), at(d(f, x, z))},
        std::array{at(d(f, y, x)), at(d(f, y, y)), at(d(f, y, z))},
        std::array{at(d(f, z, x)), at(d(f, z, y)), at(d(f, z, z))},
    };
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j) {
            CAPTURE(i);
            CAPTURE(j);
            CHECK(agree(h[i][j], symbolic[i][j]));
            CHECK(h[i][j] == h[j][i]);
        }
}

namespace {
// A test-only rule that counts how often each engine computes it: value, derivative.
struct counted_square_fn {
    static constexpr std::string_view name = "counted_square";
    static inline int values = 0;
    static inline int derivatives = 0;
    template <class X> static constexpr auto value(X const& v) {
        if (!std::is_constant_evaluated()) ++values;
        return v * v;
    }
    template <class X, class Y> static constexpr auto derivative(X const& v, Y const&) {
        if constexpr (Expression<X>) return 2_c * v;
        else {
            ++derivatives;
            return 2 * v;
        }
    }
};
template <class X> auto counted_square(X const& e) { return apply<counted_square_fn>(e); }
}  // namespace

TEST_CASE("each distinct subexpression is computed once: evaluation, d's results, gradient, hessian") {
    auto const inner = counted_square(x + y);  // appears three times below
    auto const f = sin(inner) * inner + exp(inner);
    counted_square_fn::values = 0;
    double const value = f(x = 0.5, y = 0.25);
    CHECK(counted_square_fn::values == 1);
    CHECK(agree(value, std::sin(0.5625) * 0.5625 + std::exp(0.5625)));

    auto const df = d(f, x);  // holds counted_square(x + y) in several terms
    counted_square_fn::values = 0;
    (void)df(x = 0.5, y = 0.25);
    CHECK(counted_square_fn::values == 1);

    counted_square_fn::values = 0;
    counted_square_fn::derivatives = 0;
    auto const g = gradient(f, x, y)(x = 0.5, y = 0.25);
    CHECK(counted_square_fn::values == 1);
    CHECK(counted_square_fn::derivatives == 1);  // one reverse step, its adjoint summed over three uses
    CHECK(agree(g[0], df(x = 0.5, y = 0.25)));

    counted_square_fn::values = 0;
    (void)hessian(f, x, y)(x = 0.5, y = 0.25);
    CHECK(counted_square_fn::values == 1);  // one forward sweep over the two partials' shared graph
}
