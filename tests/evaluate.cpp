// Evaluation: bindings by name, the result in the bound values' type, runtime constants
// kept apart, compile-time evaluation.
#include <doctest/doctest.h>

#include <algorithm>
#include <complex>
#include <leibniz/leibniz.hpp>
#include <type_traits>

namespace {
using namespace leibniz;
constexpr var<"x"> x;
constexpr var<"y"> y;
}  // namespace

TEST_CASE("bindings by name, in any order, extra ones ignored") {
    auto f = sin(x * y) + exp(x) * y;
    double expected = std::sin(0.5 * 2.0) + std::exp(0.5) * 2.0;
    CHECK(f(x = 0.5, y = 2.0) == doctest::Approx(expected).epsilon(1e-15));
    CHECK(f(y = 2.0, x = 0.5) == f(x = 0.5, y = 2.0));
    constexpr var<"unused"> unused;
    CHECK(f(x = 0.5, unused = 7.0, y = 2.0) == f(x = 0.5, y = 2.0));
}

TEST_CASE("the result has the bound values' type") {
    auto f = x * x + 1_c;
    static_assert(std::is_same_v<decltype(f(x = 2.0f)), float>);
    static_assert(std::is_same_v<decltype(f(x = 2.0L)), long double>);
    static_assert(std::is_same_v<decltype(f(x = 2)), double>);  // integers evaluate as double
    static_assert(std::is_same_v<decltype((x * y)(x = 2.0f, y = 3.0)), double>);
    CHECK(f(x = 2.0f) == 5.0f);
    CHECK(f(x = 3.0L) == 10.0L);
    auto g = exp(x) * sin(x);
    std::complex<double> z{0.3, 0.4};
    auto value = g(x = z);
    static_assert(std::is_same_v<decltype(value), std::complex<double>>);
    auto expected = std::exp(z) * std::sin(z);
    CHECK(value.real() == doctest::Approx(expected.real()).epsilon(1e-15));
    CHECK(value.imag() == doctest::Approx(expected.imag()).epsilon(1e-15));
    // The complex step: Im f(x + ih)/h = f'(x) to machine precision.
    double h = 1e-30;
    CHECK((g(x = std::complex<double>{0.7, h}).imag() / h) == doctest::Approx(d(g, x)(x = 0.7)).epsilon(1e-14));
}

TEST_CASE("plain numbers are runtime constants that are never confused") {
    double a = 2.0, b = 3.0;
    auto f = a * x + b * x;  // two different numbers: not 2*(2.0*x)
    CHECK(f(x = 1.0) == 5.0);
    CHECK(d(f, x)(x = 1.0) == 5.0);
    auto g = a * x;
    auto h = b * x;
    CHECK_FALSE(g == h);  // same shape, different numbers
    CHECK(g == a * x);
    CHECK((x * 2.5)(x = 2.0) == 5.0);
    CHECK(pow(x, 2.5)(x = 4.0) == doctest::Approx(32.0).epsilon(1e-15));
    CHECK(d(pow(x, 2.5), x)(x = 4.0) == doctest::Approx(2.5 * 8.0).epsilon(1e-15));
    CHECK(d(x + 4.0, x) == 1_c);  // a constant's derivative vanishes, and its number with it
}

TEST_CASE("compile-time constants fold exactly, and mix with numbers as numbers") {
    static_assert(0.5_c * 3.0 == 1.5);
    static_assert(c<1, 3> + c<1, 6> == 0.5_c);
    static_assert(std::is_same_v<decltype(0.5_c * 3.0f), float>);
    CHECK(std::is_empty_v<decltype(x)>);
    CHECK(std::is_empty_v<decltype(d(sin(x * x), x))>);
    constexpr auto f = d(pow(x, 3_c) * y, x);
    static_assert(f(x = 2.0, y = 0.5) == 6.0);
}

TEST_CASE("generic code works with doubles and expressions alike") {
    auto f = [](auto u, auto v) {
        using std::exp;
        using std::sin;
        return sin(u * v) + exp(u) * v;
    };
    double direct = f(0.5, 2.0);
    CHECK(f(x, y)(x = 0.5, y = 2.0) == doctest::Approx(direct).epsilon(1e-15));
}

TEST_CASE("using std::max in generic code still builds an expression for two equal types") {
    auto f = [](auto a, auto b) {
        using std::max;
        using std::min;
        return max(a, b) + min(a, b);
    };
    static_assert(f(x, x) == 2_c * x);  // std::max<T> would not compile here
    CHECK(f(1.0, 2.0) == 3.0);
    CHECK(f(sin(x), sin(x))(x = 0.5) == doctest::Approx(2 * std::sin(0.5)).epsilon(1e-15));
}
