// Branches in every engine: conditions, select and clamp evaluated, differentiated
// symbolically, by the compile-time reverse sweep (gradient, jacobian, hessian) and by the tape,
// away from and at the switching points; an untaken arm's NaN never reaches a result; printing.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <limits>
#include <sstream>
#include <string>
#include <string_view>

#include <leibniz/check.hpp>
#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;
constexpr var<"y"> y;

bool contains(std::string const& text, std::string_view what) { return text.find(what) != std::string::npos; }

// Huber's loss of a residual r with threshold delta, written once for every engine.
auto huber = [](auto r, auto delta) {
    using leibniz::abs;
    using leibniz::select;
    using std::abs;
    return select(abs(r) <= delta, 0.5 * r * r, delta * (abs(r) - 0.5 * delta));
};

/// The tape's gradient of f(a, b) at (a, b).
template <class F> std::array<double, 2> tape_gradient(F const& f, double a, double b) {
    tape::scope recording;
    tape::var ta = a, tb = b;
    tape::var out = f(ta, tb);
    return tape::gradient(out, ta, tb);
}
}  // namespace

TEST_CASE("select: values, on each side of the switch and at it") {
    auto f = select(x > 0_c, x * x, -x);
    CHECK(f(x = 3.0) == 9.0);
    CHECK(f(x = -3.0) == 3.0);
    CHECK(f(x = 0.0) == 0.0);            // -0: the else arm at the switch
    auto g = select(x > 0.5, x, 2 * x);  // a plain number in the condition and in an arm
    CHECK(g(x = 1.0) == 1.0);
    CHECK(g(x = 0.25) == 0.5);
    CHECK(g(x = 0.5) == 1.0);
    CHECK(select(0.5 < x, x, 1.5)(x = 0.25) == 1.5);
    CHECK((x > 0_c)(x = 1.0) == 1.0);  // a condition evaluates to 1 or 0
    CHECK((x > 0_c)(x = -1.0) == 0.0);
    // comparisons with NaN are false, as on double: the else arm
    CHECK(select(x > 0_c, 1_c, 2_c * x)(x = std::numeric_limits<double>::quiet_NaN()) != 1.0);
    CHECK(select(x < y, x, y)(x = 1.0, y = 2.0) == 1.0);
    CHECK(select(x <= y, x, y)(x = 2.0, y = 2.0) == 2.0);
    CHECK(select(x >= y, 1_c, 0_c)(x = 2.0, y = 2.0) == 1.0);
    CHECK(select(x >= y, 1_c, 0_c)(x = 1.0, y = 2.0) == 0.0);
    // float stays float
    CHECK(std::is_same_v<decltype(f(x = 1.0f)), float>);
}

TEST_CASE("conditions: && || ! evaluated") {
    auto both = select(x > 0_c && y > 0_c, 1_c, 0_c);
    auto either = select(x > 0_c || y > 0_c, 1_c, 0_c);
    auto neither = select(!(x > 0_c || y > 0_c), 1_c, 0_c);
    for (double a : {-1.0, 1.0})
        for (double b : {-1.0, 1.0}) {
            CHECK(both(x = a, y = b) == ((a > 0 && b > 0) ? 1.0 : 0.0));
            CHECK(either(x = a, y = b) == ((a > 0 || b > 0) ? 1.0 : 0.0));
            CHECK(neither(x = a, y = b) == (!(a > 0 || b > 0) ? 1.0 : 0.0));
        }
    // at NaN: !(x < 1) holds, 1 <= x does not
    double const nan = std::numeric_limits<double>::quiet_NaN();
    CHECK(select(!(x < 1_c), 1_c, 0_c)(x = nan) == 1.0);
    CHECK(select(1_c <= x, 1_c, 0_c)(x = nan) == 0.0);
    // plain numbers and bools, as in generic code on double
    CHECK(leibniz::select(true, 1.0, 2.0) == 1.0);
    CHECK(leibniz::select(false, 1.0, 2_c) == 2.0);
}

TEST_CASE("select: d, gradient and the tape agree away from the switch and take the taken arm at it") {
    auto f = [](auto x, auto y) {
        using leibniz::select;
        using std::sin;
        return select(x > y, x * x * y, sin(x) - y);
    };
    auto e = f(x, y);
    for (auto point : {std::array{1.5, 0.5}, std::array{-0.5, 0.5}, std::array{0.5, 0.5}}) {
        CAPTURE(point);
        double const a = point[0], b = point[1];
        bool const taken = a > b;
        double const dx = taken ? 2 * a * b : std::cos(a);
        double const dy = taken ? a * a : -1.0;
        CHECK(d(e, x)(x = a, y = b) == doctest::Approx(dx));
        CHECK(d(e, y)(x = a, y = b) == doctest::Approx(dy));
        auto const g = gradient(e, x, y)(x = a, y = b);
        CHECK(g[0] == doctest::Approx(dx));
        CHECK(g[1] == doctest::Approx(dy));
        auto const t = tape_gradient(f, a, b);
        CHECK(t[0] == doctest::Approx(dx));
        CHECK(t[1] == doctest::Approx(dy));
    }
}

TEST_CASE("select: an untaken arm's NaN or infinity never reaches a result") {
    double const minus_one = -1.0;
    // d/dx sqrt(x) is NaN at -1 in the untaken arm
    auto root = select(x > 0_c, sqrt(x), 0_c);
    CHECK(root(x = minus_one) == 0.0);
    CHECK(d(root, x)(x = minus_one) == 0.0);
    CHECK(gradient(root, x)(x = minus_one)[0] == 0.0);
    CHECK(hessian(root, x)(x = minus_one)[0][0] == 0.0);
    // the untaken arm's product log(x) * y has adjoint 0 and local derivative log(-1) = NaN
    auto product = select(x > 0_c, log(x) * y, y);
    auto const g = gradient(product, x, y)(x = minus_one, y = 2.0);
    CHECK(g[0] == 0.0);
    CHECK(g[1] == 1.0);
    auto const h = hessian(product, x, y)(x = minus_one, y = 2.0);
    CHECK(h[0][0] == 0.0);
    CHECK(h[0][1] == 0.0);
    CHECK(h[1][1] == 0.0);
    auto const j = jacobian(outputs(product, root), x, y)(x = minus_one, y = 2.0);
    CHECK(j[0][0] == 0.0);
    CHECK(j[0][1] == 1.0);
    CHECK(j[1][0] == 0.0);
    // overflow in the untaken arm: exp(1000) is infinite, its derivative too
    auto big = select(x < 10_c, x, exp(x * y));
    auto const gb = gradient(big, x, y)(x = 1.0, y = 1000.0);
    CHECK(gb[0] == 1.0);
    CHECK(gb[1] == 0.0);
    // a chain below the arm: sin(log(x)), cos(log(-1)) is NaN
    auto chain = select(x > 0_c, sin(log(x)) * y, 2_c * y);
    auto const gc = gradient(chain, x, y)(x = minus_one, y = 3.0);
    CHECK(gc[0] == 0.0);
    CHECK(gc[1] == 2.0);
    // the tape: select passes the taken arm on, the untaken one is never reached
    auto const t = tape_gradient([](auto a, auto b) { return select(a > 0.0, log(a) * b, b); }, minus_one, 2.0);
    CHECK(t[0] == 0.0);
    CHECK(t[1] == 1.0);
    auto const tr =
        tape_gradient([](auto a, auto b) { return select(a > 0_c, sqrt(a), 0_c) + 0.0 * b; }, minus_one, 2.0);
    CHECK(tr[0] == 0.0);
    // where the NaN is used on the taken path as well it is the true answer, and stays
    auto shared = select(x > 0_c, log(x), 0_c) + log(x) * y;
    CHECK(std::isnan(gradient(shared, x, y)(x = minus_one, y = 1.0)[1]));
}

TEST_CASE("clamp: value and derivative between, at and beyond the bounds, in every engine") {
    auto f = [](auto v, auto hi) {
        using leibniz::clamp;
        return clamp(v, 0_c, hi);
    };
    auto e = f(x, y);
    struct point {
        double v, value, dv, dhi;
    };
    // d/dv is 1 at both bounds: v is taken there (as PyTorch's clamp counts it)
    for (auto p : {point{-0.5, 0.0, 0.0, 0.0}, point{0.0, 0.0, 1.0, 0.0}, point{0.5, 0.5, 1.0, 0.0},
                   point{1.0, 1.0, 1.0, 0.0}, point{1.5, 1.0, 0.0, 1.0}}) {
        CAPTURE(p.v);
        CHECK(e(x = p.v, y = 1.0) == p.value);
        CHECK(d(e, x)(x = p.v, y = 1.0) == p.dv);
        CHECK(d(e, y)(x = p.v, y = 1.0) == p.dhi);
        auto const g = gradient(e, x, y)(x = p.v, y = 1.0);
        CHECK(g[0] == p.dv);
        CHECK(g[1] == p.dhi);
        auto const t = tape_gradient(f, p.v, 1.0);
        CHECK(t[0] == p.dv);
        CHECK(t[1] == p.dhi);
        CHECK(leibniz::clamp(p.v, 0.0, 1.0) == p.value);
    }
    CHECK(hessian(clamp(x * x, 0_c, 1_c), x)(x = 0.5)[0][0] == 2.0);
    CHECK(hessian(clamp(x * x, 0_c, 1_c), x)(x = 2.0)[0][0] == 0.0);
    CHECK(std::isnan(clamp(x, 0_c, 1_c)(x = std::numeric_limits<double>::quiet_NaN())));  // NaN stays NaN
}

TEST_CASE("Huber's loss: every engine, on both sides of delta and at it") {
    auto e = huber(x, y);
    for (double r : {-3.0, -1.0, -0.25, 0.0, 0.25, 1.0, 3.0}) {
        CAPTURE(r);
        double const delta = 1.0;
        bool const inner = std::fabs(r) <= delta;
        double const value = inner ? 0.5 * r * r : delta * (std::fabs(r) - 0.5 * delta);
        double const dr = inner ? r : delta * (r > 0) - delta * (r < 0);
        double const ddelta = inner ? 0.0 : std::fabs(r) - delta;
        CHECK(e(x = r, y = delta) == doctest::Approx(value));
        CHECK(d(e, x)(x = r, y = delta) == doctest::Approx(dr));
        auto const [v, g] = value_and_gradient(e, x, y)(x = r, y = delta);
        CHECK(v == doctest::Approx(value));
        CHECK(g[0] == doctest::Approx(dr));
        CHECK(g[1] == doctest::Approx(ddelta));
        auto const t = tape_gradient(huber, r, delta);
        CHECK(t[0] == doctest::Approx(dr));
        CHECK(t[1] == doctest::Approx(ddelta));
        CHECK(hessian(e, x, y)(x = r, y = delta)[0][0] == (inner ? 1.0 : 0.0));
    }
}

TEST_CASE("check_derivatives on a branch: agrees away from the switch, reports the kink at it") {
    auto away = check_derivatives(huber, x = 0.5, y = 1.0);
    CAPTURE(away);
    CHECK(away.agrees(1e-12, 1e-6));
    auto beyond = check_derivatives(huber, x = -2.0, y = 1.0);
    CHECK(beyond.agrees(1e-12, 1e-6));
    // relu written as a select: at 0 every engine takes the else arm (derivative 0), the
    // central difference straddles the switch and sees 1/2
    auto kink = check_derivatives(
        [](auto v, auto w) {
            using leibniz::select;
            return select(v > 0_c, v, 0_c) + w;
        },
        x = 0.0, y = 1.0);
    std::ostringstream report;
    report << kink;
    CAPTURE(report.str());
    CHECK(kink.symbolic[0] == 0.0);
    CHECK(kink.gradient[0] == 0.0);
    CHECK(kink.tape[0] == 0.0);
    CHECK(kink.finite_difference[0] == doctest::Approx(0.5));
    CHECK(kink.symbolic_vs_tape == 0.0);
    CHECK_FALSE(kink.agrees());
    CHECK(kink.worst_finite_difference == 0);
}

TEST_CASE("printing a branch: text, LaTeX cases, to_dot") {
    CHECK(to_string(x > 0_c) == "x > 0");
    CHECK(to_string(x >= 0.5) == "x >= 0.5");
    CHECK(to_string(x < y) == "x < y");
    CHECK(to_string(x + 1_c <= 2_c * y) == "x + 1 <= 2*y");
    CHECK(to_string(select(x > 0_c, x * x, -x)) == "select(x > 0, x^2, -x)");
    CHECK(to_string(select(x > 0_c && y < 1_c, x, y)) == "select(x > 0 && y < 1, x, y)");
    // || groups its && operands; conditions print in the canonical order (comparisons first)
    CHECK(to_string(select((x > 0_c && y < 1_c) || y > 2_c, x, y)) == "select(y > 2 || (x > 0 && y < 1), x, y)");
    CHECK(to_string(select(!(x > 0_c || y > 0_c), x, y)) == "select(x > 0 || y > 0, y, x)");  // ! swaps the arms
    CHECK(to_string(!(x > 0_c || y > 0_c)) == "!(x > 0 || y > 0)");
    CHECK(to_string(1_c > 0_c) == "true");
    CHECK(to_string(2_c * select(x > 0_c, x, y)) == "2*select(x > 0, x, y)");
    CHECK(to_latex(select(x > 0_c, x * x, -x)) ==
          "\\begin{cases} {x}^{2} & \\text{if } x > 0 \\\\ -x & \\text{otherwise} \\end{cases}");
    CHECK(to_latex(clamp(x, 0_c, 1_c)) ==
          "\\begin{cases} 0 & \\text{if } x < 0 \\\\ 1 & \\text{if } x > 1 \\\\ x & \\text{otherwise} \\end{cases}");
    CHECK(to_latex(select(x <= y && !(y >= 1_c), x, y)) ==
          "\\begin{cases} x & \\text{if } x \\le y \\land \\lnot \\left(y \\ge 1\\right) \\\\ y & \\text{otherwise} "
          "\\end{cases}");
    std::ostringstream os;
    os << select(x > 0_c, x, y);
    CHECK(os.str() == "select(x > 0, x, y)");

    std::string const dot = to_dot(select(x > 0_c, sqrt(x), y), x = -1.0, y = 2.0);
    CAPTURE(dot);
    CHECK(contains(dot, "label=\"select(x > 0, sqrt(x), y)\\nvalue = 2\\ngrad = 1\""));
    CHECK(contains(dot,
                   "label=\"x > 0\\nvalue = 0\", tooltip=\"x > 0\", color=gray55"));  // a condition passes nothing on
    CHECK(contains(dot, "label=\"y\\nvalue = 2\\ngrad = 1\""));
    CHECK(contains(dot, "label=\"x\\nvalue = -1\\ngrad = 0\""));  // not NaN
}

TEST_CASE("select in a sweep too large to force inline: the untaken arms' NaN still stays out") {
    // 96 selects, each with a product below its untaken arm: 578 pushes, more than the sweep forces
    // inline (sweep_plan.hpp's forced_inline_pushes), so each node's step is a function of its own
    constexpr var_array<"w", 96> w;
    auto f = sum<96>([&](auto i) { return select(w[i] > 0_c, log(w[i]) * y, w[i] * y); });
    std::array<double, 96> at{};
    for (std::size_t i = 0; i < at.size(); ++i) at[i] = i % 2 == 0 ? -1.0 - double(i) : 1.0 + double(i);
    auto const g = gradient(f, w, y)(w = at, y = 2.0);
    double dy = 0;
    for (std::size_t i = 0; i < at.size(); ++i) {
        CAPTURE(i);
        CHECK(g[i] == (at[i] > 0 ? 2.0 / at[i] : 2.0));
        dy += at[i] > 0 ? std::log(at[i]) : at[i];
    }
    CHECK(g[96] == doctest::Approx(dy));
}
