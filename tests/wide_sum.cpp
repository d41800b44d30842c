// A wide expression: a sum of 256 terms is one canonical sum, differentiated and evaluated
// correctly, against the polynomial computed on doubles.
#include <doctest/doctest.h>

#include <cmath>
#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
constexpr var<"x"> x;
constexpr var_array<"a", 256> a;
}  // namespace

TEST_CASE("a sum of 256 terms: one canonical sum and its derivatives") {
    // f = sum_i a_i * x^(i mod 5 + 1)
    auto f = sum<256>([](auto i) { return a[i] * pow(x, c<i % 5 + 1>); });
    std::array<double, 256> coefficients{};
    for (std::size_t i = 0; i < 256; ++i) coefficients[i] = std::cos(0.1 * static_cast<double>(i));
    double at = 0.8, value = 0, slope = 0;
    for (std::size_t i = 0; i < 256; ++i) {
        int p = static_cast<int>(i % 5) + 1;
        value += coefficients[i] * std::pow(at, p);
        slope += coefficients[i] * p * std::pow(at, p - 1);
    }
    CHECK(f(a = coefficients, x = at) == doctest::Approx(value).epsilon(1e-13));
    CHECK(d(f, x)(a = coefficients, x = at) == doctest::Approx(slope).epsilon(1e-13));
    // one coefficient's partial derivative: the power it multiplies
    CHECK(d(f, a[100_c])(a = coefficients, x = at) == doctest::Approx(std::pow(at, 1)).epsilon(1e-15));
}
