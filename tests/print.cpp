// Printing: readable infix text and LaTeX, the same on every compiler (the canonical order
// is the library's own).
#include <doctest/doctest.h>

#include <leibniz/leibniz.hpp>
#include <sstream>

namespace {
using namespace leibniz;
constexpr var<"x"> x;
constexpr var<"y"> y;
}  // namespace

TEST_CASE("to_string") {
    CHECK(to_string(d(sin(x * x), x)) == "2*x*cos(x^2)");
    CHECK(to_string(d(log(sin(x)), x)) == "cos(x)/sin(x)");
    CHECK(to_string(d(pow(3_c * x * x + 7_c, 10_c), x)) == "60*x*(3*x^2 + 7)^9");
    CHECK(to_string(d(exp(-(x * x) / 2_c), x)) == "-x*exp(-x^2/2)");
    CHECK(to_string(d(pow(x, x), x)) == "x^x*(log(x) + 1)");
    CHECK(to_string(d(x / y, y)) == "-x/y^2");
    CHECK(to_string(d(sqrt(x), x)) == "1/(2*sqrt(x))");
    CHECK(to_string(x - 3_c * y + 2_c) == "x - 3*y + 2");
    CHECK(to_string(c<2, 3> * x) == "2*x/3");
    CHECK(to_string(2.5 * x - 1.5 * y) == "2.5*x - 1.5*y");
    CHECK(to_string(d(erf(x), x)) == "2*exp(-x^2)/sqrt(pi)");
    CHECK(to_string(d(sigmoid(x), x)) == "sigmoid(x)*sigmoid(-x)");
    CHECK(to_string(sigmoid(x) * (1_c - sigmoid(x))) == "sigmoid(x)*(1 - sigmoid(x))");  // a leading minus is avoided
    CHECK(to_string(1_c - x) == "1 - x");
    CHECK(to_string(x - 1_c) == "x - 1");
}

TEST_CASE("to_latex and operator<<") {
    CHECK(to_latex(d(sin(x * x), x)) == "2 x \\cos\\left({x}^{2}\\right)");
    CHECK(to_latex(sqrt(x) - x / (y * y)) == "\\sqrt{x} - \\frac{x}{{y}^{2}}");
    CHECK(to_latex(asin(x)) == "\\arcsin\\left(x\\right)");
    std::ostringstream os;
    os << d(sin(x * x), x);
    CHECK(os.str() == "2*x*cos(x^2)");
}
