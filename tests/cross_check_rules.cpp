// The cross-check, part 1: every function of the rule table and every operator, written once
// as a generic lambda and differentiated symbolically, on the tape and by finite differences.
#include "cross_check.hpp"

#include <cmath>
#include <string_view>
#include <tuple>
#include <leibniz/gamma.hpp>

using cross_check::at_points;
using namespace leibniz::literals;

TEST_CASE("cross-check: exponentials and logarithms") {
    at_points<1>("exp(x)",
                 [](auto x) {
                     using std::exp;
                     return exp(x);
                 },
                 {{-3.0}, {-0.5}, {0.0}, {0.7}, {2.5}});
    at_points<1>("expm1(x)",
                 [](auto x) {
                     using std::expm1;
                     return expm1(x);
                 },
                 {{-2.0}, {-1e-3}, {0.0}, {0.3}, {1.9}});
    at_points<1>("log(x)",
                 [](auto x) {
                     using std::log;
                     return log(x);
                 },
                 {{0.05}, {0.5}, {1.0}, {2.0}, {40.0}});
    at_points<1>("log1p(x)",
                 [](auto x) {
                     using std::log1p;
                     return log1p(x);
                 },
                 {{-0.9}, {-0.2}, {0.0}, {0.4}, {7.0}});
}

TEST_CASE("cross-check: trigonometric functions and their inverses") {
    at_points<1>("sin(x)",
                 [](auto x) {
                     using std::sin;
                     return sin(x);
                 },
                 {{-3.0}, {-1.0}, {0.0}, {0.8}, {2.9}});
    at_points<1>("cos(x)",
                 [](auto x) {
                     using std::cos;
                     return cos(x);
                 },
                 {{-3.0}, {-1.0}, {0.0}, {0.8}, {2.9}});
    at_points<1>("tan(x)",
                 [](auto x) {
                     using std::tan;
                     return tan(x);
                 },
                 {{-1.3}, {-0.4}, {0.0}, {0.6}, {1.2}});
    at_points<1>("asin(x)",
                 [](auto x) {
                     using std::asin;
                     return asin(x);
                 },
                 {{-0.95}, {-0.5}, {0.0}, {0.3}, {0.9}});
    at_points<1>("acos(x)",
                 [](auto x) {
                     using std::acos;
                     return acos(x);
                 },
                 {{-0.95}, {-0.5}, {0.0}, {0.3}, {0.9}});
    at_points<1>("atan(x)",
                 [](auto x) {
                     using std::atan;
                     return atan(x);
                 },
                 {{-5.0}, {-1.0}, {0.0}, {0.5}, {3.0}});
    at_points<2>("atan2(y, x)",
                 [](auto x, auto y) {
                     using std::atan2;
                     return atan2(y, x);
                 },
                 {{1.0, 1.0}, {-1.0, 0.5}, {-2.0, -0.3}, {0.2, -3.0}, {3.0, 0.0}});
}

TEST_CASE("cross-check: hyperbolic functions") {
    at_points<1>("sinh(x)",
                 [](auto x) {
                     using std::sinh;
                     return sinh(x);
                 },
                 {{-2.0}, {-0.5}, {0.0}, {0.9}, {3.0}});
    at_points<1>("cosh(x)",
                 [](auto x) {
                     using std::cosh;
                     return cosh(x);
                 },
                 {{-2.0}, {-0.5}, {0.0}, {0.9}, {3.0}});
    at_points<1>("tanh(x)",
                 [](auto x) {
                     using std::tanh;
                     return tanh(x);
                 },
                 {{-2.0}, {-0.5}, {0.0}, {0.9}, {3.0}});
}

TEST_CASE("cross-check: the activations of machine learning") {
    at_points<1>("sigmoid(x)",
                 [](auto x) {
                     using leibniz::sigmoid;
                     return sigmoid(x);
                 },
                 {{-6.0}, {-1.0}, {0.0}, {0.5}, {4.0}});
    at_points<1>("softplus(x)",
                 [](auto x) {
                     using leibniz::softplus;
                     return softplus(x);
                 },
                 {{-6.0}, {-1.0}, {0.0}, {0.5}, {4.0}});
    // away from the kink at 0, where finite differences see both sides
    at_points<1>("relu(x) * x",
                 [](auto x) {
                     using leibniz::relu;
                     return relu(x) * x;
                 },
                 {{-2.0}, {-0.3}, {0.01}, {0.5}, {3.0}});
    at_points<1>("erf(x)",
                 [](auto x) {
                     using std::erf;
                     return erf(x);
                 },
                 {{-2.0}, {-0.5}, {0.0}, {0.7}, {1.5}});
}

TEST_CASE("cross-check: abs, sign, heaviside, min, max, hypot") {
    at_points<1>("abs(x)",
                 [](auto x) {
                     using std::abs;
                     return abs(x);
                 },
                 {{-2.0}, {-0.3}, {0.01}, {0.5}, {3.0}});
    at_points<1>("sign(x) * x^2 + x",
                 [](auto x) {
                     using leibniz::sign;
                     return sign(x) * x * x + x;
                 },
                 {{-2.0}, {-0.3}, {0.01}, {0.5}, {3.0}});
    at_points<1>("heaviside(x) * exp(x)",
                 [](auto x) {
                     using leibniz::heaviside;
                     using std::exp;
                     return heaviside(x) * exp(x);
                 },
                 {{-2.0}, {-0.3}, {0.01}, {0.5}, {3.0}});
    at_points<2>("min(x, y)",
                 [](auto x, auto y) {
                     using std::min;
                     return min(x, y);
                 },
                 {{1.0, 2.0}, {2.0, 1.0}, {-1.0, 0.5}, {0.3, -0.7}, {5.0, 4.0}});
    at_points<2>("max(x, y)",
                 [](auto x, auto y) {
                     using std::max;
                     return max(x, y);
                 },
                 {{1.0, 2.0}, {2.0, 1.0}, {-1.0, 0.5}, {0.3, -0.7}, {5.0, 4.0}});
    at_points<2>("hypot(x, y)",
                 [](auto x, auto y) {
                     using std::hypot;
                     return hypot(x, y);
                 },
                 {{3.0, 4.0}, {-1.0, 0.5}, {0.2, -2.0}, {-1.5, -1.5}, {0.0, 1.0}});
}

TEST_CASE("cross-check: inverse hyperbolic functions, log2, log10, exp2, erfc") {
    at_points<1>("asinh(x)",
                 [](auto x) {
                     using std::asinh;
                     return asinh(x);
                 },
                 {{-30.0}, {-0.7}, {0.0}, {0.4}, {5.0}});
    at_points<1>("acosh(x)",
                 [](auto x) {
                     using std::acosh;
                     return acosh(x);
                 },
                 {{1.05}, {1.3}, {2.0}, {6.5}, {80.0}});
    at_points<1>("atanh(x)",
                 [](auto x) {
                     using std::atanh;
                     return atanh(x);
                 },
                 {{-0.97}, {-0.4}, {0.0}, {0.6}, {0.99}});
    at_points<1>("log2(x)",
                 [](auto x) {
                     using std::log2;
                     return log2(x);
                 },
                 {{0.05}, {0.5}, {1.0}, {2.0}, {300.0}});
    at_points<1>("log10(x)",
                 [](auto x) {
                     using std::log10;
                     return log10(x);
                 },
                 {{0.05}, {0.5}, {1.0}, {2.0}, {300.0}});
    at_points<1>("exp2(x)",
                 [](auto x) {
                     using std::exp2;
                     return exp2(x);
                 },
                 {{-6.0}, {-0.5}, {0.0}, {1.5}, {9.0}});
    at_points<1>("erfc(x)",
                 [](auto x) {
                     using std::erfc;
                     return erfc(x);
                 },
                 {{-2.0}, {-0.5}, {0.0}, {0.7}, {3.0}});
}

TEST_CASE("cross-check: lgamma, tgamma, fma and the step functions") {
    at_points<1>("lgamma(x)",
                 [](auto x) {
                     using std::lgamma;
                     return lgamma(x);
                 },
                 {{-1.5}, {0.2}, {1.0}, {2.5}, {40.0}});
    at_points<1>("tgamma(x)",
                 [](auto x) {
                     using std::tgamma;
                     return tgamma(x);
                 },
                 {{-1.5}, {0.2}, {1.0}, {2.5}, {8.0}});
    at_points<3>(
        "fma(x, y, z)",
        [](auto x, auto y, auto z) {
            using std::fma;
            return fma(x, y, z);
        },
        cross_check::space);
    at_points<2>(
        "fma(x, 2.5, y * x)",
        [](auto x, auto y) {
            using std::fma;
            return fma(x, 2.5, y * x);
        },
        cross_check::plane);
    // away from the jumps, where finite differences see one side
    at_points<2>(
        "floor(x) * y + ceil(y) * x",
        [](auto x, auto y) {
            using std::floor, std::ceil;
            return floor(x) * y + ceil(y) * x;
        },
        cross_check::plane);
    at_points<2>("round(x) * y + trunc(y) * x",
                 [](auto x, auto y) {
                     using std::round, std::trunc;
                     return round(x) * y + trunc(y) * x;
                 },
                 {{0.3, 0.7}, {-0.8, 0.4}, {1.1, -0.6}, {-0.4, -1.2}, {2.6, 1.3}, {0.05, -0.15}});
}

TEST_CASE("cross-check: powers with a variable, plain and exact exponent") {
    at_points<2>("pow(x, y)",
                 [](auto x, auto y) {
                     using std::pow;
                     return pow(x, y);
                 },
                 {{0.5, 2.0}, {1.0, -1.0}, {2.0, 0.5}, {3.0, 1.7}, {0.2, -0.4}});
    at_points<1>("pow(x, 2.5)",
                 [](auto x) {
                     using std::pow;
                     return pow(x, 2.5);
                 },
                 {{0.1}, {0.5}, {1.0}, {2.0}, {3.5}});
    at_points<1>("pow(2.0, x)",
                 [](auto x) {
                     using std::pow;
                     return pow(2.0, x);
                 },
                 {{-2.0}, {-0.5}, {0.0}, {1.0}, {3.0}});
    at_points<1>("pow(x, 3_c) - pow(x, c<-3, 2>)",
                 [](auto x) {
                     using leibniz::pow;
                     return pow(x, 3_c) - pow(x, leibniz::c<-3, 2>);
                 },
                 {{0.2}, {0.5}, {1.0}, {1.7}, {2.5}});
    at_points<1>("sqrt(x)",
                 [](auto x) {
                     using std::sqrt;
                     return sqrt(x);
                 },
                 {{0.01}, {0.5}, {1.0}, {4.0}, {9.0}});
    at_points<1>("cbrt(x)",
                 [](auto x) {
                     using std::cbrt;
                     return cbrt(x);
                 },
                 {{-8.0}, {-0.5}, {0.3}, {1.0}, {27.0}});
    at_points<1>("square(x)",
                 [](auto x) {
                     using leibniz::square;
                     return square(x);
                 },
                 {{-3.0}, {-0.5}, {0.0}, {1.0}, {2.5}});
}

TEST_CASE("cross-check: the operators, with ints, doubles and exact constants") {
    at_points<2>("x / y", [](auto x, auto y) { return x / y; },
                 {{1.0, 2.0}, {-1.0, 0.5}, {3.0, -4.0}, {0.0, 1.0}, {2.0, 0.1}});
    at_points<2>("2 * x - y / 3 + 1_c", [](auto x, auto y) { return 2 * x - y / 3 + 1_c; },
                 {{1.0, 2.0}, {-1.0, 0.5}, {3.0, -4.0}, {0.0, 1.0}, {2.0, 0.1}});
    at_points<2>("-x * y + 0.5 * x", [](auto x, auto y) { return -x * y + 0.5 * x; },
                 {{1.0, 2.0}, {-1.0, 0.5}, {3.0, -4.0}, {0.0, 1.0}, {2.0, 0.1}});
    at_points<2>("c<1, 3> / (x * y) - pi_c * y",
                 [](auto x, auto y) { return leibniz::c<1, 3> / (x * y) - leibniz::pi_c * y; },
                 {{1.0, 2.0}, {-1.0, 0.5}, {3.0, -4.0}, {0.5, 1.0}, {2.0, 0.1}});
}

namespace {
// A user's rule of three arguments (leibniz/function.hpp): linear interpolation, one partial
// per argument, written with expressions so that d works too.
struct mix_rule {
    static constexpr std::string_view name = "mix";
    template <class A, class B, class T> static constexpr auto value(A const& a, B const& b, T const& t) {
        return a + t * (b - a);
    }
    template <class A, class B, class T, class Y>
    static constexpr auto partials(A const& a, B const& b, T const& t, Y const&) {
        return std::tuple{1_c - t, t, b - a};
    }
};
constexpr leibniz::function<mix_rule> mix{};
}  // namespace

TEST_CASE("cross-check: a user's function of three arguments, alone and composed") {
    at_points<3>("mix(x, y, z)", [](auto x, auto y, auto z) { return mix(x, y, z); },
                 {{1.0, 2.0, 0.3}, {-1.0, 0.5, 0.0}, {3.0, -4.0, 1.0}, {0.5, 1.0, -0.7}, {2.0, 0.1, 2.5}});
    at_points<3>("mix(sin(x), y * y, z) * x + mix(z, x, y)",
                 [](auto x, auto y, auto z) {
                     using std::sin;
                     return mix(sin(x), y * y, z) * x + mix(z, x, y);
                 },
                 {{1.0, 2.0, 0.3}, {-1.0, 0.5, 0.0}, {3.0, -4.0, 1.0}, {0.5, 1.0, -0.7}, {2.0, 0.1, 2.5}});
}
