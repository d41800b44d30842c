// leibniz::check_derivatives: the engines side by side, and the largest disagreement.
#include <leibniz/check.hpp>

#include <cmath>
#include <sstream>

#include <doctest/doctest.h>

#include <leibniz/leibniz.hpp>

namespace {
constexpr leibniz::var<"x"> x;
constexpr leibniz::var<"y"> y;
}  // namespace

using doctest::Approx;

TEST_CASE("check_derivatives: every engine's numbers, where they agree") {
    auto f = [](auto x, auto y) {
        using std::sin;
        return sin(x * y) + x;
    };
    auto report = leibniz::check_derivatives(f, x = 1.0, y = 2.0);
    CHECK(report.variables[0] == "x");
    CHECK(report.variables[1] == "y");
    CHECK(report.value == Approx(std::sin(2.0) + 1.0));
    for (auto const& g : {report.symbolic, report.gradient, report.tape, report.finite_difference}) {
        CHECK(g[0] == Approx(2 * std::cos(2.0) + 1).epsilon(1e-9));  // y cos(xy) + 1
        CHECK(g[1] == Approx(std::cos(2.0)).epsilon(1e-9));          // x cos(xy)
    }
    CHECK(report.finite);
    CHECK(report.symbolic_vs_tape <= 1e-15);
    CHECK(report.gradient_vs_others <= 1e-15);
    CHECK(report.finite_difference_error > 0.0);   // finite differences are never exact here...
    CHECK(report.finite_difference_error < 1e-9);  // ...but close
    CHECK(report.agrees());
}

TEST_CASE("check_derivatives: finite differences across a kink disagree, and the report says where") {
    // relu'(0) = 0 by convention; the central difference straddles the kink and sees 1/2
    auto f = [](auto x, auto y) {
        using leibniz::relu;
        return relu(y) + x * x;
    };
    auto report = leibniz::check_derivatives(f, x = 1.0, y = 0.0);
    CHECK(report.symbolic[1] == 0.0);
    CHECK(report.tape[1] == 0.0);
    CHECK(report.gradient[1] == 0.0);
    CHECK(report.finite_difference[1] == Approx(0.5));
    CHECK(report.finite_difference_error == Approx(0.5));  // |0.5 - 0| / max(1, ...)
    CHECK(report.worst_finite_difference == 1);
    CHECK(report.symbolic_vs_tape == 0.0);
    CHECK_FALSE(report.agrees());
    CHECK(report.agrees(1e-12, 0.6));  // within a loose enough tolerance
}

TEST_CASE("check_derivatives: a jump is a large disagreement, and a pole is not finite") {
    auto jump = [](auto x) {
        using leibniz::sign;
        return sign(x);
    };
    auto at_jump = leibniz::check_derivatives(jump, x = 0.0);
    CHECK(at_jump.symbolic[0] == 0.0);
    CHECK(at_jump.finite_difference[0] == Approx(14 / 12e-4));  // (-1 + 8 + 8 - 1) / 12h: grows as 1/h
    CHECK(at_jump.finite_difference_error == Approx(1.0));      // the largest a relative difference gets
    CHECK_FALSE(at_jump.agrees());

    auto root = [](auto x) {
        using std::sqrt;
        return sqrt(x);
    };
    auto at_pole = leibniz::check_derivatives(root, x = 0.0);  // sqrt'(0) = +infinity; x - h is outside
    CHECK(std::isinf(at_pole.symbolic[0]));
    CHECK(std::isinf(at_pole.tape[0]));
    CHECK(std::isinf(at_pole.gradient[0]));
    CHECK_FALSE(at_pole.finite);
    CHECK_FALSE(at_pole.agrees());
}

TEST_CASE("check_derivatives: relative differences for large numbers, absolute near zero") {
    auto big = [](auto x) {
        using std::exp;
        return exp(x);
    };
    auto report = leibniz::check_derivatives(big, x = 30.0);  // e^30 ~ 1e13: an absolute 1e-6 is out of reach
    CHECK(report.agrees());
    CHECK(report.finite_difference_error < 1e-8);
}

TEST_CASE("check_derivatives: the report prints one line per variable and the largest differences") {
    auto f = [](auto x, auto y) { return x * y; };
    std::ostringstream text;
    text << leibniz::check_derivatives(f, x = 3.0, y = 0.5);
    std::string s = text.str();
    CHECK(s.find("f = 1.5\n") == 0);
    CHECK(s.find("d/dx: symbolic 0.5, gradient 0.5, tape 0.5, finite difference 0.5") != std::string::npos);
    CHECK(s.find("d/dy: symbolic 3, gradient 3, tape 3, finite difference ") != std::string::npos);
    CHECK(s.find("largest difference: symbolic vs tape 0 (d/dx), gradient vs both 0 (d/dx)") != std::string::npos);
    CHECK(text.precision() == 6);  // the stream's settings are restored
}
