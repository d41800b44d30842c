// sum_over(data, f) (sum_over.hpp): a kernel's value, gradient, Jacobian and Hessian summed over
// a runtime range of data records, against closed forms.
#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <leibniz/leibniz.hpp>
#include <leibniz/sum_over.hpp>
#include <span>
#include <vector>

using namespace leibniz::literals;

namespace {
constexpr leibniz::var<"a"> a;
constexpr leibniz::var<"b"> b;
constexpr leibniz::var<"x"> x;
constexpr leibniz::var<"y"> y;
struct point {
    double x, y;
};
}  // namespace

TEST_CASE("sum_over: the least-squares loss of a line over 100 points, and its derivatives") {
    std::vector<point> points;
    for (int i = 0; i < 100; ++i)
        points.push_back({0.1 * i - 5.0, 3.0 * (0.1 * i - 5.0) + 0.5 + 0.01 * ((i * 7) % 11 - 5)});
    double sx = 0, sy = 0, sxx = 0, sxy = 0, syy = 0;
    for (auto const& p : points) {
        sx += p.x;
        sy += p.y;
        sxx += p.x * p.x;
        sxy += p.x * p.y;
        syy += p.y * p.y;
    }
    double const n = 100, a0 = 2.0, b0 = -1.0;
    auto const residual = square(a * x + b - y);
    auto const per_point = leibniz::value_and_gradient(residual, a, b);
    auto const [loss, g] =
        leibniz::sum_over(points, [&](point const& p) { return per_point(a = a0, b = b0, x = p.x, y = p.y); });
    CHECK(loss == doctest::Approx(a0 * a0 * sxx + 2 * a0 * b0 * sx + n * b0 * b0 - 2 * a0 * sxy - 2 * b0 * sy + syy));
    CHECK(g[0] == doctest::Approx(2 * (a0 * sxx + b0 * sx - sxy)));
    CHECK(g[1] == doctest::Approx(2 * (a0 * sx + n * b0 - sy)));
    // the gradient alone, a Hessian (arrays of arrays), a plain value, a span of records
    auto const grad = leibniz::gradient(residual, a, b);
    auto const g2 = leibniz::sum_over(std::span<point const>(points),
                                      [&](point const& p) { return grad(a = a0, b = b0, x = p.x, y = p.y); });
    CHECK(g2 == g);
    auto const h = leibniz::sum_over(
        points, [&](point const& p) { return leibniz::hessian(residual, a, b)(a = a0, b = b0, x = p.x, y = p.y); });
    CHECK(h[0][0] == doctest::Approx(2 * sxx));
    CHECK(h[0][1] == doctest::Approx(2 * sx));
    CHECK(h[1][1] == doctest::Approx(2 * n));
    CHECK(leibniz::sum_over(points, [&](point const& p) { return residual(a = a0, b = b0, x = p.x, y = p.y); }) ==
          doctest::Approx(loss));
    // no records: the zero of the result type
    std::vector<point> const none;
    auto const empty =
        leibniz::sum_over(none, [&](point const& p) { return per_point(a = a0, b = b0, x = p.x, y = p.y); });
    CHECK(empty.value == 0.0);
    CHECK(empty.gradient == std::array<double, 2>{});
}
