// The cross-check, part 3: shared subexpressions, fan-out, rational functions and powers.
#include "cross_check.hpp"

#include <cmath>

using cross_check::at_points;
using namespace leibniz::literals;

using cross_check::plane;
using cross_check::space;

TEST_CASE("cross-check: shared subexpressions and fan-out") {
    at_points<3>(
        "u = x*y + z; u*u + sin(u) + exp(u) / (1 + u*u)",
        [](auto x, auto y, auto z) {
            using std::sin;
            using std::exp;
            auto u = x * y + z;
            return u * u + sin(u) + exp(u) / (1 + u * u);
        },
        space);
    at_points<1>("x*x*x + x / (1 + x*x) + sin(x) * x",
                 [](auto x) {
                     using std::sin;
                     return x * x * x + x / (1 + x * x) + sin(x) * x;
                 },
                 {{-2.0}, {-0.5}, {0.0}, {0.7}, {1.9}});
    at_points<2>(
        "v = tanh(x - y); v * exp(v) + cos(v) * v * y",
        [](auto x, auto y) {
            using std::tanh;
            using std::exp;
            using std::cos;
            auto v = tanh(x - y);
            return v * exp(v) + cos(v) * v * y;
        },
        plane);
    at_points<3>(
        "log(exp(x) + exp(y) + exp(z))",
        [](auto x, auto y, auto z) {
            using std::log;
            using std::exp;
            return log(exp(x) + exp(y) + exp(z));
        },
        space);
    at_points<3>(
        "softmax: exp(x) / (exp(x) + exp(y) + exp(z))",
        [](auto x, auto y, auto z) {
            using std::exp;
            auto ex = exp(x);
            return ex / (ex + exp(y) + exp(z));
        },
        space);
    at_points<1>("cosh^2 - sinh^2 (identically 1)",
                 [](auto x) {
                     using std::cosh;
                     using std::sinh;
                     using leibniz::square;
                     return square(cosh(x)) - square(sinh(x));
                 },
                 {{-1.0}, {-0.3}, {0.0}, {0.4}, {1.2}});
}

TEST_CASE("cross-check: rational functions and powers") {
    at_points<2>(
        "1 / (1 + x*x + y*y)", [](auto x, auto y) { return 1 / (1 + x * x + y * y); }, plane);
    at_points<2>(
        "(x^2 - y) / (x + y^2 + 3)", [](auto x, auto y) { return (x * x - y) / (x + y * y + 3); }, plane);
    at_points<2>(
        "3 x^3 - 2 x^2 y + y^3 - 7",
        [](auto x, auto y) {
            using leibniz::pow;
            return 3 * pow(x, 3_c) - 2 * x * x * y + pow(y, 3_c) - 7;
        },
        plane);
    at_points<1>("x^x",
                 [](auto x) {
                     using std::pow;
                     return pow(x, x);
                 },
                 {{0.2}, {0.5}, {1.0}, {1.5}, {2.5}});
    at_points<2>(
        "pow(1 + x*x, y) * softplus(y)",
        [](auto x, auto y) {
            using std::pow;
            using leibniz::softplus;
            return pow(1 + x * x, y) * softplus(y);
        },
        plane);
    at_points<1>("(x^3)^(1/3) * sqrt(x)",
                 [](auto x) {
                     using leibniz::pow;
                     using std::sqrt;
                     return pow(pow(x, 3_c), leibniz::c<1, 3>) * sqrt(x);
                 },
                 {{0.2}, {0.5}, {1.0}, {1.5}, {2.5}});
    at_points<3>(
        "cbrt(x*y*z - 2)",
        [](auto x, auto y, auto z) {
            using std::cbrt;
            return cbrt(x * y * z - 2);
        },
        space);
    at_points<3>("the normal density exp(-((x - y) / z)^2 / 2) / (z sqrt(2 pi))",
                 [](auto x, auto y, auto z) {
                     using std::exp;
                     using std::sqrt;
                     using leibniz::square;
                     return exp(-0.5 * square((x - y) / z)) / (z * sqrt(2 * leibniz::pi_c));
                 },
                 {{0.3, 0.7, 0.9}, {-0.8, 0.4, 1.4}, {1.1, -0.6, 0.5}, {-0.5, -1.2, 2.0}, {0.9, 1.3, 1.1}});
}
