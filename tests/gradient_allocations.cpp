// The compile-time reverse mode allocates nothing: a counting global operator new (it only
// counts, then allocates as usual, so every other test of this executable is unaffected)
// sees no allocation during gradient, value_and_gradient, jacobian and hessian calls.
#include <doctest/doctest.h>

#include <array>
#include <atomic>
#include <cstddef>
#include <cstdlib>
#include <new>

#include <leibniz/leibniz.hpp>
#include "counting_new.hpp"

using counting_new::allocations;

namespace {
using namespace leibniz;
using namespace leibniz::literals;
constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var_array<"w", 4> w;
}  // namespace

TEST_CASE("gradient, jacobian and hessian allocate nothing") {
    auto const f = sin(x * y) + 2.5 * exp(x) * y / (x + y) +
                   sum<4>([](auto i) { return w[i] * pow(x, c<decltype(i)::value + 1>); });
    std::array<double, 4> const weights{0.5, -1.0, 2.0, 0.25};

    // the counter counts: one new is one allocation (kept in a volatile pointer, so that the
    // compiler may not elide the new/delete pair, as it may since C++14)
    long const before_probe = allocations.load();
    double* volatile probe = new double(1.0);
    delete probe;
    CHECK(allocations.load() == before_probe + 1);

    long const before = allocations.load();
    auto const g = gradient(f, x, y, w)(x = 0.7, y = 1.3, w = weights);
    auto const [value, g_too] = value_and_gradient(f, x, y)(x = 0.7, y = 1.3, w = weights);
    auto const jac = jacobian(outputs(f, x * y), x, y)(x = 0.7, y = 1.3, w = weights);
    auto const h = hessian(f, x, y)(x = 0.7, y = 1.3, w = weights);
    long const after = allocations.load();
    CHECK(after == before);
    // the results are used, and right
    CHECK(g[0] == doctest::Approx(g_too[0]));
    CHECK(jac[0][1] == doctest::Approx(g[1]));
    CHECK(h[0][1] == h[1][0]);
    CHECK(value == doctest::Approx(f(x = 0.7, y = 1.3, w = weights)));
}
