// A number class of the user's (leibniz::NumberLike): a dual number (dual_number.hpp), bound to the
// variables as a double is. A reverse sweep in dual numbers is forward over reverse: seeded
// with a direction v, the gradient's tangents are the Hessian times v, which must equal
// hessian(f) v. Its comparisons give a bool, so the rules' branches and select work as on doubles.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>

#include <leibniz/leibniz.hpp>

#include "dual_number.hpp"

namespace {
using namespace leibniz;
using user::dual;

static_assert(NumberLike<dual> && Number<dual> && !Scalar<dual>);
static_assert(!NumberLike<tape::var> && !NumberLike<var<"x">> && !NumberLike<std::array<double, 2>>);

constexpr var<"x"> x;
constexpr var<"y"> y;

TEST_CASE("a user's dual numbers: the reverse sweep in them gives the gradient and the Hessian times a direction") {
    // tanh's derivative branches on |x| < 2 and relu's on x < 0: both taken on dual numbers as on doubles
    auto const f = exp(x * y) + sin(x) * y * y + sqrt(x * x + y * y) + tanh(x - y) * relu(y) + log(x) / y;
    for (auto const& point : {std::array{0.5, 1.5}, std::array{2.0, -0.75}, std::array{1.25, 3.5}}) {
        double const x0 = point[0], y0 = point[1];
        std::array<double, 2> const v{0.3, -1.1};
        std::array<dual, 2> const g = gradient(f, x, y)(x = dual{x0, v[0]}, y = dual{y0, v[1]});
        auto const plain = gradient(f, x, y)(x = x0, y = y0);
        auto const h = hessian(f, x, y)(x = x0, y = y0);
        for (std::size_t i = 0; i < 2; ++i) {
            CAPTURE(x0);
            CAPTURE(i);
            CHECK(g[i].value == doctest::Approx(plain[i]).epsilon(1e-14));
            CHECK(g[i].tangent == doctest::Approx(h[i][0] * v[0] + h[i][1] * v[1]).epsilon(1e-12));
        }
        dual const value = f(x = dual{x0, v[0]}, y = dual{y0, v[1]});
        CHECK(value.value == doctest::Approx(f(x = x0, y = y0)).epsilon(1e-15));
        CHECK(value.tangent == doctest::Approx(plain[0] * v[0] + plain[1] * v[1]).epsilon(1e-13));
    }
}

TEST_CASE("a user's dual numbers in select and in a family bound from an array of them") {
    constexpr var_array<"w", 3> w;
    auto const f =
        select(w[0_c] > w[1_c], w[0_c] * w[2_c], square(w[1_c])) + sum<3>([&](auto i) { return w[i] * w[i]; });
    std::array<dual, 3> const at{dual{2.0, 1.0}, dual{1.0, 0.0}, dual{-3.0, 0.0}};
    auto const g = gradient(f, w)(w = at);  // the direction e0: the tangents are the Hessian's first column
    auto const h = hessian(f, w)(w = std::array{2.0, 1.0, -3.0});
    for (std::size_t i = 0; i < 3; ++i) CHECK(g[i].tangent == h[i][0]);
    CHECK(g[0].value == -3.0 + 4.0);
    CHECK(g[2].value == 2.0 - 6.0);
}

}  // namespace
