// The cross-check, part 2: compositions to depth six, and kinks inside compositions, in two
// and three variables.
#include "cross_check.hpp"

#include <cmath>

using cross_check::at_points;
using namespace leibniz::literals;

using cross_check::plane;
using cross_check::space;

TEST_CASE("cross-check: the API page's example and its relatives") {
    at_points<2>(
        "sin(x * y) + exp(x) * y",
        [](auto x, auto y) {
            using std::sin;
            using std::exp;
            return sin(x * y) + exp(x) * y;
        },
        plane);
    at_points<2>(
        "log(1 + square(sin(x) + cos(y)))",
        [](auto x, auto y) {
            using std::sin;
            using std::cos;
            using std::log;
            using leibniz::square;
            return log(1 + square(sin(x) + cos(y)));
        },
        plane);
    at_points<3>(
        "exp(-square(x - y)) * cos(x + z)",
        [](auto x, auto y, auto z) {
            using std::exp;
            using std::cos;
            using leibniz::square;
            return exp(-square(x - y)) * cos(x + z);
        },
        space);
}

TEST_CASE("cross-check: chains of depth six") {
    at_points<2>(
        "sigmoid(tanh(sin(exp(cos(x * y)))))",
        [](auto x, auto y) {
            using std::tanh;
            using std::sin;
            using std::exp;
            using std::cos;
            using leibniz::sigmoid;
            return sigmoid(tanh(sin(exp(cos(x * y)))));
        },
        plane);
    at_points<2>(
        "sqrt(1 + square(atan(log1p(square(x)) * y)))",
        [](auto x, auto y) {
            using std::sqrt;
            using std::atan;
            using std::log1p;
            using leibniz::square;
            return sqrt(1 + square(atan(log1p(square(x)) * y)));
        },
        plane);
    at_points<3>(
        "exp(sin(log(1 + square(tanh(x * y + z))))) * cos(z)",
        [](auto x, auto y, auto z) {
            using std::exp;
            using std::sin;
            using std::log;
            using std::tanh;
            using std::cos;
            using leibniz::square;
            return exp(sin(log(1 + square(tanh(x * y + z))))) * cos(z);
        },
        space);
    at_points<1>("erf(softplus(cbrt(atan(sinh(x)) + 2) - 1))",
                 [](auto x) {
                     using std::erf;
                     using std::cbrt;
                     using std::atan;
                     using std::sinh;
                     using leibniz::softplus;
                     return erf(softplus(cbrt(atan(sinh(x)) + 2) - 1));
                 },
                 {{-1.5}, {-0.4}, {0.0}, {0.6}, {2.0}});
    at_points<3>(
        "asin(0.9 * tanh(x)) + acos(sigmoid(y)) * expm1(z)",
        [](auto x, auto y, auto z) {
            using std::asin;
            using std::tanh;
            using std::acos;
            using std::expm1;
            using leibniz::sigmoid;
            return asin(0.9 * tanh(x)) + acos(sigmoid(y)) * expm1(z);
        },
        space);
    at_points<2>(
        "cosh(log(hypot(sin(x), 1 + square(y))))",
        [](auto x, auto y) {
            using std::cosh;
            using std::log;
            using std::hypot;
            using std::sin;
            using leibniz::square;
            return cosh(log(hypot(sin(x), 1 + square(y))));
        },
        plane);
}

TEST_CASE("cross-check: kinks and selections inside compositions, away from the kinks") {
    at_points<3>(
        "max(sin(x), cos(y)) + min(x * y, z)",
        [](auto x, auto y, auto z) {
            using std::max;
            using std::min;
            using std::sin;
            using std::cos;
            return max(sin(x), cos(y)) + min(x * y, z);
        },
        space);
    at_points<3>(
        "relu(x * y - z) + abs(x - y)",
        [](auto x, auto y, auto z) {
            using leibniz::relu;
            using std::abs;
            return relu(x * y - z) + abs(x - y);
        },
        space);
    at_points<3>(
        "hypot(sin(x), cos(y)) * atan2(z, 1 + x * x)",
        [](auto x, auto y, auto z) {
            using std::hypot;
            using std::sin;
            using std::cos;
            using std::atan2;
            return hypot(sin(x), cos(y)) * atan2(z, 1 + x * x);
        },
        space);
    at_points<2>(
        "erf(x * y) * tanh(x + y)",
        [](auto x, auto y) {
            using std::erf;
            using std::tanh;
            return erf(x * y) * tanh(x + y);
        },
        plane);
}
