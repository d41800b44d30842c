// Derivative functions as class members, named by gradient_t, jacobian_t, ... without decltype
// of the call; and their default construction, allowed only when nothing is lost.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <type_traits>

#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var_array<"y", 3> y;
constexpr var<"t"> t;
// Robertson's kinetics, exact coefficients: no plain numbers, the functions are all type
constexpr auto robertson =
    outputs(-c<1, 25> * y[0_c] + 10000_c * y[1_c] * y[2_c],
            c<1, 25>* y[0_c] - 10000_c * y[1_c] * y[2_c] - 30000000_c * y[1_c] * y[1_c], 30000000_c * y[1_c] * y[1_c]);

/// What a stiff solver asks for: the right-hand side and its Jacobian, as members.
struct robertson_system {
    outputs_t<decltype(-c<1, 25> * y[0_c] + 10000_c * y[1_c] * y[2_c]), decltype(30000000_c * y[1_c] * y[1_c])> part;
    jacobian_t<decltype(robertson), var_array<"y", 3>> jacobian;
    value_and_jacobian_t<decltype(robertson), decltype(y)> both;
    void operator()(std::array<double, 3> const& state, double* J) const { jacobian.into(J)(y = state); }
};

/// A Ceres-shaped cost: the observation is a plain number of the expression, so the member is
/// initialized from it in the constructor.
constexpr var_array<"p", 2> p;
constexpr auto residual_of(double observed) { return p[0_c] * p[1_c] + sin(p[0_c]) - observed; }
struct cost {
    value_and_gradient_t<decltype(residual_of(0.0)), decltype(p)> evaluate;
    hessian_t<decltype(residual_of(0.0)), decltype(p)> curvature;
    gradient_t<decltype(residual_of(0.0)), decltype(p)> slope;
    explicit cost(double observed)
        : evaluate(value_and_gradient(residual_of(observed), p)),
          curvature(hessian(residual_of(observed), p)),
          slope(gradient(residual_of(observed), p)) {}
};
}  // namespace

TEST_CASE("named results: the aliases are the types of the calls") {
    auto const f = residual_of(2.5);
    static_assert(std::is_same_v<gradient_t<decltype(f), decltype(p)>, decltype(gradient(f, p))>);
    static_assert(std::is_same_v<value_and_gradient_t<decltype(f), decltype(p), var<"t">>,
                                 decltype(value_and_gradient(f, p, t))>);
    static_assert(std::is_same_v<jacobian_t<decltype(f), decltype(p)>, decltype(jacobian(f, p))>);
    static_assert(std::is_same_v<jacobian_t<decltype(robertson), decltype(y)>, decltype(jacobian(robertson, y))>);
    static_assert(std::is_same_v<value_and_jacobian_t<decltype(robertson), decltype(y)>,
                                 decltype(value_and_jacobian(robertson, y))>);
    static_assert(std::is_same_v<hessian_t<decltype(f), decltype(p)>, decltype(hessian(f, p))>);
    static_assert(std::is_same_v<outputs_t<decltype(f), decltype(f * f)>, decltype(outputs(f, f * f))>);
}

TEST_CASE("named results: members without an initializer when the expression has no plain numbers") {
    robertson_system const system{};
    std::array<double, 3> const state{0.9, 3e-5, 0.1};
    double J[9];
    system(state, J);
    double const want[9] = {-0.04,
                            1e4 * state[2],
                            1e4 * state[1],
                            0.04,
                            -1e4 * state[2] - 6e7 * state[1],
                            -1e4 * state[1],
                            0.0,
                            6e7 * state[1],
                            0.0};
    for (int i = 0; i < 9; ++i) CHECK(J[i] == doctest::Approx(want[i]).epsilon(1e-15));
    auto const [value, rows] = system.both(y = state);
    CHECK(value[2] == doctest::Approx(3e7 * state[1] * state[1]).epsilon(1e-15));
    CHECK(rows[1][1] == doctest::Approx(want[4]).epsilon(1e-15));
    CHECK(system.part(y = state)[1] == value[2]);
}

TEST_CASE("named results: members initialized from an expression with plain numbers") {
    cost const a(2.5), b(-1.0);  // two costs, each with its own observation
    std::array<double, 2> const point{0.5, 3.0};
    auto const [va, ga] = a.evaluate(p = point);
    auto const [vb, gb] = b.evaluate(p = point);
    CHECK(va == doctest::Approx(0.5 * 3.0 + std::sin(0.5) - 2.5).epsilon(1e-15));
    CHECK(vb - va == doctest::Approx(3.5).epsilon(1e-15));
    CHECK(ga == gb);
    CHECK(ga[0] == doctest::Approx(3.0 + std::cos(0.5)).epsilon(1e-15));
    CHECK(a.slope(p = point) == ga);
    CHECK(a.curvature(p = point)[0][0] == doctest::Approx(-std::sin(0.5)).epsilon(1e-15));
    CHECK(a.curvature(p = point)[0][1] == 1.0);
    // copies keep the numbers
    cost copy = a;
    CHECK(copy.evaluate(p = point).value == va);
}
