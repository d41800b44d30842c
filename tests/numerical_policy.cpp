// The numerical policy (README, "Numbers at the edges"), class by class, in every engine: the
// value of f(x = ...), the symbolic d(f, x), the compile-time reverse sweep (gradient,
// value_and_gradient) and the runtime tape. Each case was a silently wrong number, or engines
// that disagreed, before the fix it tests (issue 11).
#include "every_engine.hpp"

#include <doctest/doctest.h>

#include <cmath>
#include <cstdint>
#include <iterator>
#include <utility>
#include <leibniz/check.hpp>
#include <leibniz/leibniz.hpp>
#include <leibniz/ostream.hpp>
#include <limits>
#include <sstream>
#include <string>
#include <type_traits>
#include <tuple>

namespace {
using namespace leibniz;
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"z"> z;
constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

using every_engine::check_value_and_derivative;
using every_engine::engines;
using every_engine::in_every_engine;
using every_engine::same;
}  // namespace

TEST_CASE("0. a product's denominator b^n is computed before the product that divides by it") {
    // b^n is a node of its own (here because it is also a term); the product divides by it
    check_value_and_derivative([](auto t) { return square(t) - 2_c / square(t); }, 0.5, 0.25 - 8.0, 1.0 + 32.0);
    check_value_and_derivative([](auto t) { return square(t) - 2.0 / square(t); }, 0.5, 0.25 - 8.0, 1.0 + 32.0);
    check_value_and_derivative([](auto t) { return sqrt(t) - 2_c / sqrt(t); }, 0.5,
                               std::sqrt(0.5) - 2.0 / std::sqrt(0.5), 0.5 / std::sqrt(0.5) + 1.0 / std::pow(0.5, 1.5));
    check_value_and_derivative([](auto t) { return sqrt(t) - 2.0 / sqrt(t); }, 0.5,
                               std::sqrt(0.5) - 2.0 / std::sqrt(0.5), 0.5 / std::sqrt(0.5) + 1.0 / std::pow(0.5, 1.5));
    check_value_and_derivative([](auto t) { return sqrt(t) - 1_c / sqrt(t); }, 0.5,
                               std::sqrt(0.5) - 1.0 / std::sqrt(0.5), 0.5 / std::sqrt(0.5) + 0.5 / std::pow(0.5, 1.5));
    // d(sqrt(x) sin(x)) = sin(x) / (2 sqrt(x)) + sqrt(x) cos(x): its graph has sqrt(x) and x^(-1/2)
    check_value_and_derivative([](auto t) { return sqrt(t) * sin(t); }, 0.5, std::sqrt(0.5) * std::sin(0.5),
                               std::sin(0.5) / (2 * std::sqrt(0.5)) + std::sqrt(0.5) * std::cos(0.5));
    // the Hessian's sweeps read x^(-1/2) and x^(-3/2) of the same graph
    auto const h = hessian(z * sqrt(y), y, z)(y = 0.5, z = 2.0);
    CHECK(same(h[0][0], -0.25 * 2.0 * std::pow(0.5, -1.5)));
    CHECK(same(h[0][1], 0.5 / std::sqrt(0.5)));
    CHECK(same(h[1][0], 0.5 / std::sqrt(0.5)));
    CHECK(h[1][1] == 0.0);
    // the order of the graph itself: every node reads only slots written before it
    using nodes = detail::graph_nodes<decltype(z * sqrt(y) - 1_c / sqrt(y) + square(y) / y)>;
    static_assert(detail::reads_precede_writes<nodes>::value);
}

TEST_CASE("distinct trees never meet as like terms or like factors (their keys differ)") {
    // (t + sin t)^2 and t + sin(t)^2 once had one key (an operand list was not closed), so the
    // sum of their cosines was 2 cos((t + sin t)^2), and their product a square
    auto const u = [](double t) { return (t + std::sin(t)) * (t + std::sin(t)); };
    auto const v = [](double t) { return t + std::sin(t) * std::sin(t); };
    auto const du = [](double t) { return 2 * (t + std::sin(t)) * (1 + std::cos(t)); };
    auto const dv = [](double t) { return 1 + 2 * std::sin(t) * std::cos(t); };
    double const t = 0.5;
    check_value_and_derivative([](auto s) { return cos(square(s + sin(s))) + cos(s + square(sin(s))); }, t,
                               std::cos(u(t)) + std::cos(v(t)), -std::sin(u(t)) * du(t) - std::sin(v(t)) * dv(t));
    check_value_and_derivative([](auto s) { return cos(square(s + sin(s))) * cos(s + square(sin(s))); }, t,
                               std::cos(u(t)) * std::cos(v(t)),
                               -std::sin(u(t)) * du(t) * std::cos(v(t)) - std::cos(u(t)) * std::sin(v(t)) * dv(t));
    // (s^s)^2 and s^(s^2): a power's exponent is closed too
    double const r = 1.5;
    check_value_and_derivative(
        [](auto s) { return pow(pow(s, s), 2_c) + pow(s, square(s)); }, r, std::pow(r, 2 * r) + std::pow(r, r * r),
        std::pow(r, 2 * r) * (2 * std::log(r) + 2) + std::pow(r, r * r) * (2 * r * std::log(r) + r));
    // two variables, as first found: z (x + y)^2 + z (x + y^2) is not 2 z (x + y)^2
    auto const f = z * square(x + y) + z * (x + square(y));
    CHECK(f(x = 2.0, y = 3.0, z = 1.0) == 36.0);
    auto const g = gradient(f, x, y, z)(x = 2.0, y = 3.0, z = 1.0);
    CHECK(g[0] == 11.0);
    CHECK(g[1] == 16.0);
    CHECK(g[2] == 36.0);
}

TEST_CASE("6. a product divides as it goes: no intermediate overflows where the written expression does not") {
    CHECK(same((x / y / z)(x = 1e300, y = 1e300, z = 1e300), 1e300 / 1e300 / 1e300));
    CHECK(same((x * (y / z))(x = 1e200, y = 1e200, z = 1e200), 1e200));
    CHECK(same((1_c / x / y)(x = 1e300, y = 1e10), 1 / 1e300 / 1e10));  // subnormal, as in plain C++
    CHECK(same((2.0 * x / (y * z))(x = 1e-300, y = 1e-300, z = 1e300), 2e-300));
    // the gradient's products too: d/dx (x y / z) = y / z
    auto const g = gradient(x * y / z, x, y, z)(x = 1e200, y = 1e200, z = 1e200);
    CHECK(same(g[0], 1.0));
    CHECK(same(g[1], 1.0));
    CHECK(same(g[2], -1.0));
    auto const [value, slope] = value_and_gradient(x / y / z, x)(x = 1e300, y = 1e300, z = 1e300);
    CHECK(same(value, 1e-300));
    CHECK(same(slope[0], 1 / 1e300 / 1e300));  // 1e-600: 0, as the written 1 / y / z
}

namespace {
// Exponents with odd and even denominators, of both signs.
constexpr std::intmax_t exponent_list[][2] = {{-2, 1}, {-1, 1}, {-1, 2}, {-1, 3}, {-2, 3}, {1, 6}, {1, 3},
                                              {1, 2},  {2, 3},  {5, 6},  {1, 1},  {3, 2},  {2, 1}, {3, 1}};
constexpr std::size_t exponent_count = std::size(exponent_list);
constexpr double bases[] = {-8.0, -2.0, -0.3, 0.3, 2.0, 8.0};

template <std::size_t I> constexpr auto exponent = c<exponent_list[I][0], exponent_list[I][1]>;

// The written product x^a * x^b and power (x^a)^n, on plain doubles (each power computed by
// itself, the real root for odd denominators), against the canonical form's value.
template <std::size_t A, std::size_t B> void check_merge(int& checked) {
    auto const merged = pow(x, exponent<A>) * pow(x, exponent<B>);
    for (double at : bases) {
        double const written = pow(at, exponent<A>) * pow(at, exponent<B>);
        CAPTURE(at);
        CAPTURE(exponent_list[A][0]);
        CAPTURE(exponent_list[A][1]);
        CAPTURE(exponent_list[B][0]);
        CAPTURE(exponent_list[B][1]);
        CHECK(same(merged(x = at), written));
        ++checked;
    }
}
template <std::size_t A, std::intmax_t N> void check_power_of_power(int& checked) {
    auto const merged = pow(pow(x, exponent<A>), c<N>);
    for (double at : bases) {
        double const written = pow(pow(at, exponent<A>), c<N>);
        CAPTURE(at);
        CAPTURE(exponent_list[A][0]);
        CAPTURE(exponent_list[A][1]);
        CAPTURE(N);
        CHECK(same(merged(x = at), written));
        ++checked;
    }
}
template <std::size_t A, std::size_t... B> void merges_with(int& checked, std::index_sequence<B...>) {
    (check_merge<A, B>(checked), ...);
    check_power_of_power<A, -2>(checked);
    check_power_of_power<A, -1>(checked);
    check_power_of_power<A, 2>(checked);
    check_power_of_power<A, 3>(checked);
}
template <std::size_t... A> void merges_by(int& checked, std::index_sequence<A...> all) {
    (merges_with<A>(checked, all), ...);
}
}  // namespace

TEST_CASE("1. merging powers keeps the real domain: every merge rule against the written powers") {
    int checked = 0;
    merges_by(checked, std::make_index_sequence<exponent_count>{});
    CHECK(checked == static_cast<int>((exponent_count * exponent_count + 4 * exponent_count) * std::size(bases)));

    // the cases, in every engine: NaN outside the domain, never a number
    check_value_and_derivative([](auto t) { return sqrt(t) * sqrt(t); }, -4.0, not_a_number, not_a_number);
    check_value_and_derivative([](auto t) { return sqrt(t) * sqrt(t); }, 4.0, 4.0, 1.0);
    check_value_and_derivative([](auto t) { return square(pow(t, c<1, 6>)); }, -8.0, not_a_number, not_a_number);
    check_value_and_derivative([](auto t) { return square(pow(t, c<1, 6>)); }, 8.0, 2.0, 1.0 / 12.0);
    // powers with expression exponents do not merge: b^y * b^z is NaN at b = -4, y = z = 1/2
    // (and b * b^y at b = 0, y = -1), as written, never b^(y+z) = -4 (or 0^0 = 1)
    for (auto const& [b, y_value, z_value] :
         {std::tuple{-4.0, 0.5, 0.5}, std::tuple{-4.0, 1.5, -0.5}, std::tuple{0.0, -1.0, 1.0}}) {
        // init-captures: Clang 14 cannot capture a structured binding by name
        auto const power_product = [y = y_value, z = z_value](auto t) { return pow(t, y) * pow(t, z); };
        engines const merged = in_every_engine(power_product, b);
        CHECK(std::isnan(merged.value));
        CHECK(std::isnan(merged.taped_value));
        CHECK(std::isnan((pow(x, y) * pow(x, z))(x = b, y = y_value, z = z_value)));
        CHECK(std::isnan((pow(x, y) * pow(x, y))(x = b, y = y_value)) == std::isnan(std::pow(b, y_value)));
    }
    CHECK(std::isnan((x * pow(x, y))(x = 0.0, y = -1.0)));
    CHECK((pow(x, y) * pow(x, z))(x = 4.0, y = 0.5, z = 1.0) == doctest::Approx(8.0));
    // sqrt(x) / sqrt(x) = where_nonnegative(x) keeps the value's domain; its derivative is 0 where it
    // is defined, and, like every factor cancelled against itself (x / x, README), 0 outside it
    // too in d and gradient, where the tape, which divides, gives NaN
    engines const ratio = in_every_engine([](auto t) { return sqrt(t) / sqrt(t); }, -1.0);
    CHECK(std::isnan(ratio.value));
    CHECK(std::isnan(ratio.taped_value));
    CHECK(ratio.symbolic == 0.0);
    CHECK(ratio.reverse == 0.0);
    CHECK(std::isnan(ratio.taped));
    CHECK(std::isnan((sqrt(-1_c) * sqrt(-1_c))()));
    CHECK(where_nonnegative(0.0) == 1.0);
    CHECK(std::isnan(where_nonnegative(-0.5)));
    CHECK(std::isnan(where_nonnegative(not_a_number)));
}

TEST_CASE("4. a zero adjoint times an infinite local derivative is 0 in the reverse sweep, as on the tape") {
    auto const taped_partials = [](auto const& f, double at_x, double at_y) {
        tape::scope recording;
        tape::var a = at_x, b = at_y;
        return tape::gradient(f(a, b), a, b);
    };
    auto const root_times = [](auto const& s, auto const& t) { return sqrt(s) * t; };
    auto const relu_times = [](auto const& s, auto const& t) { return relu(t) * sqrt(s); };
    auto const log_times = [](auto const& s, auto const& t) { return t * log(s) + t; };
    auto const scaled = [](auto const& s, auto const&) { return 0.0 * sqrt(s); };
    for (auto const& [swept, taped_gradient, point_y] :
         {std::tuple{gradient(root_times(x, y), x, y)(x = 0.0, y = 0.0), taped_partials(root_times, 0.0, 0.0), 0.0},
          std::tuple{gradient(relu_times(x, y), x, y)(x = 0.0, y = -1.0), taped_partials(relu_times, 0.0, -1.0), -1.0},
          std::tuple{gradient(log_times(x, y), x, y)(x = 0.0, y = 0.0), taped_partials(log_times, 0.0, 0.0), 0.0},
          std::tuple{gradient(scaled(x, y), x, y)(x = 0.0, y = 0.0), taped_partials(scaled, 0.0, 0.0), 0.0}}) {
        double const at_y = point_y;  // a copy: Clang 14 cannot capture a structured binding (CAPTURE's lambda)
        CAPTURE(at_y);
        CHECK(swept[0] == 0.0);
        CHECK(taped_gradient[0] == 0.0);
        CHECK(same(swept[1], taped_gradient[1]));
    }
    // d evaluates y / (2 sqrt(x)) with IEEE arithmetic: 0 / 0, NaN (README: zero times infinity)
    CHECK(std::isnan(d(root_times(x, y), x)(x = 0.0, y = 0.0)));
    // a product's pushes are not tested: at a zero denominator the product is infinite and
    // d/dy atan(x / y) at (1, 0) is -1, which neither the tape (0, a skipped zero adjoint) nor the
    // sweep (NaN: 0 times the infinite -y / D) gives; NaN says so (README: zero times infinity)
    auto const quotient = [](auto const& s, auto const& t) { return atan(s / t); };
    CHECK(std::isnan(gradient(quotient(x, y), x, y)(x = 1.0, y = 0.0)[1]));
    CHECK(taped_partials(quotient, 1.0, 0.0)[1] == 0.0);
    // where the adjoint is not 0 the infinity stays: sqrt(x) y at (0, 1)
    CHECK(gradient(root_times(x, y), x, y)(x = 0.0, y = 1.0)[0] == inf);
}

TEST_CASE("5. derivatives keep relative accuracy where the value rounds to its limit") {
    // e^-40 / (1 + e^-40)^2, 4 / (e^20 + e^-20)^2, e^-40: about 4.2e-18, 1.7e-17, 4.2e-18
    double const e40 = std::exp(-40.0);
    check_value_and_derivative([](auto t) { return sigmoid(t); }, 40.0, 1.0 / (1.0 + e40),
                               e40 / ((1 + e40) * (1 + e40)));
    check_value_and_derivative([](auto t) { return tanh(t); }, 20.0, std::tanh(20.0),
                               1.0 / (std::cosh(20.0) * std::cosh(20.0)));
    check_value_and_derivative([](auto t) { return tanh(t); }, -20.0, std::tanh(-20.0),
                               1.0 / (std::cosh(20.0) * std::cosh(20.0)));
    check_value_and_derivative([](auto t) { return expm1(t); }, -40.0, std::expm1(-40.0), e40);
    // and where the short forms serve, they are the ones used (the same numbers as before)
    check_value_and_derivative([](auto t) { return sigmoid(t); }, -3.0, 1.0 / (1.0 + std::exp(3.0)),
                               (1.0 / (1.0 + std::exp(3.0))) * (1.0 - 1.0 / (1.0 + std::exp(3.0))));
    check_value_and_derivative([](auto t) { return tanh(t); }, 0.5, std::tanh(0.5),
                               1.0 - std::tanh(0.5) * std::tanh(0.5));
    // log(sigmoid(x)) = -softplus(-x): finite where sigmoid(x) underflows
    auto const log_sigmoid = log(sigmoid(x));
    CHECK(same(log_sigmoid(x = -800.0), -800.0));
    CHECK(same(d(log_sigmoid, x)(x = -800.0), 1.0));
    CHECK(same(gradient(log_sigmoid, x)(x = -800.0)[0], 1.0));
    CHECK(same(value_and_gradient(log_sigmoid, x)(x = -800.0).value, -800.0));
    CHECK(same(value_and_gradient(log_sigmoid, x)(x = -800.0).gradient[0], 1.0));
    CHECK(same(log_sigmoid(x = 3.0), std::log(1.0 / (1.0 + std::exp(-3.0)))));
}

TEST_CASE("8. NaN in, NaN out, in every engine and whatever the order of the operands") {
    for (auto const& [got, which] : {std::pair{in_every_engine([](auto t) { return relu(t); }, not_a_number), 0},
                                     std::pair{in_every_engine([](auto t) { return abs(t); }, not_a_number), 1},
                                     std::pair{in_every_engine([](auto t) { return max(t, 1.0); }, not_a_number), 2},
                                     std::pair{in_every_engine([](auto t) { return max(1.0, t); }, not_a_number), 3},
                                     std::pair{in_every_engine([](auto t) { return min(t, 1.0); }, not_a_number), 4},
                                     std::pair{in_every_engine([](auto t) { return min(1.0, t); }, not_a_number), 5},
                                     std::pair{in_every_engine([](auto t) { return softplus(t); }, not_a_number), 6},
                                     std::pair{in_every_engine([](auto t) { return sigmoid(t); }, not_a_number), 7}}) {
        int const case_number = which;  // a copy: Clang 14 cannot capture a structured binding
        CAPTURE(case_number);
        CHECK(std::isnan(got.value));
        CHECK(std::isnan(got.taped_value));
        CHECK(std::isnan(got.symbolic));
        CHECK(std::isnan(got.reverse));
        CHECK(std::isnan(got.taped));
    }
    CHECK(std::isnan(sign(not_a_number)));
    CHECK(std::isnan(heaviside(not_a_number)));
    CHECK(std::isnan(max(x, y)(x = 1.0, y = not_a_number)));
    CHECK(std::isnan(max(x, y)(x = not_a_number, y = 1.0)));
    CHECK(max(x, y)(x = 1.0, y = 2.0) == 2.0);
    CHECK(min(x, y)(x = 1.0, y = 2.0) == 1.0);
}

TEST_CASE("9. pow with a zero: an exact 0_c exponent is x^0 = 1; a run-time 0.0 is differentiated as written") {
    // pow(x, 0_c) is the constant 1 (as std::pow(x, 0) is 1 for every x): derivative 0 everywhere
    check_value_and_derivative([](auto t) { return pow(t, 0_c) * (t + 1.0); }, 0.0, 1.0, 1.0);
    // pow(x, 0.0): the exponent is a number known at run time; its partial b x^(b - 1) is
    // 0 * 0^-1 = 0 * infinity at x = 0: NaN in every engine, never a silent 0 or 1
    check_value_and_derivative([](auto t) { return pow(t, 0.0); }, 0.0, 1.0, not_a_number);
    check_value_and_derivative([](auto t) { return pow(t, 0.0); }, 2.0, 1.0, 0.0);
    // pow(0.0, x) at x = 1: x^y log x is 0 * -infinity, NaN in every engine (tests/edges.cpp)
    check_value_and_derivative([](auto t) { return pow(0.0, t); }, 1.0, 0.0, not_a_number);
}

TEST_CASE("3. removable singularities: a factor cancelled against itself is cancelled at its zero too") {
    // the policy (README): x / x = 1, x * x / x = x, log(x) - log(x) = 0 and 0_c * log(x) = 0
    // hold everywhere, also where the written expression is 0 / 0 or NaN; the tape, which
    // computes as written, gives NaN there, and check_derivatives says so
    static_assert(x / x == 1_c && x * x / x == x && log(x) - log(x) == 0_c && 0_c * log(x) == 0_c);
    auto const report = check_derivatives([](auto t) { return t * t / t; }, x = 0.0);
    CHECK(report.removable_singularity);
    CHECK_FALSE(report.agrees());
    CHECK(report.symbolic[0] == 1.0);
    CHECK(report.gradient[0] == 1.0);
    CHECK(std::isnan(report.tape[0]));
    std::ostringstream printed;
    printed << report;
    CHECK(printed.str().find("removable singularity") != std::string::npos);
    // a point nearby agrees, and an ordinary pole is not a removable singularity
    CHECK(check_derivatives([](auto t) { return t * t / t; }, x = 1e-3).agrees());
    auto const pole = check_derivatives([](auto t) { return 1.0 / t; }, x = 0.0);
    CHECK_FALSE(pole.removable_singularity);
    CHECK_FALSE(pole.agrees());
}

TEST_CASE("7. a long double plain number keeps its type and its digits") {
    // as in plain C++, where 1.0 * 1e-400L is a long double 1e-400 and 1.0 * 0.1L is 0.1L
    long double const tiny = (x * 1e-400L)(x = 1.0);
    CHECK(tiny == 1e-400L);
    CHECK((x * 0.1L)(x = 1.0) == 0.1L);
    CHECK((x * 0.1L + 2.0 * x)(x = 1.0) == 1.0L * 0.1L + 2.0L);
    static_assert(std::is_same_v<decltype((x * 0.1L)(x = 1.0)), long double>);
    static_assert(std::is_same_v<decltype((x * 0.1)(x = 1.0f)), float>);  // double numbers do not widen float
    CHECK(d(x * x * 0.1L, x)(x = 1.0) == 2 * 0.1L);
    CHECK(gradient(x * 1e-400L, x)(x = 1.0)[0] == 1e-400L);
    CHECK(value_and_gradient(x * y * 0.1L, x, y)(x = 1.0, y = 2.0).gradient[1] == 0.1L);
    CHECK(hessian(x * x * 0.1L, x)(x = 1.0)[0][0] == 2 * 0.1L);
    CHECK(jacobian(outputs(x * 0.1L, 2.0 * x), x)(x = 1.0)[0][0] == 0.1L);
    CHECK(to_string(x * 0.1L).find("0.1") != std::string::npos);
    CHECK(x * 0.1L == x * 0.1L);
    // a family sum keeps them too
    constexpr var_array<"w", 2> w;
    CHECK(sum<2>([&](auto i) { return w[i] * 1e-400L; })(w = std::array{1.0, 2.0}) == 3e-400L);
}

TEST_CASE("a variable bound to an exact rational takes its value as a double") {
    CHECK((x * x)(x = 3_c) == 9.0);
    CHECK((x * y)(x = 1_c / 2_c, y = 4.0) == 2.0);
    CHECK(gradient(x * x, x)(x = c<1, 4>)[0] == 0.5);
}
