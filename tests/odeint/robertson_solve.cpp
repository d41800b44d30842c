// Robertson's kinetics solved with Boost.Odeint's rosenbrock4 in this C++17 translation unit,
// with the Jacobian from leibniz (robertson_system.cpp, C++20, through leibniz/odeint_ublas.hpp)
// and with a hand-written one: the same trajectory to t = 40 and to t = 4e5.
#include <doctest/doctest.h>

#include <boost/numeric/odeint.hpp>
#include <cmath>
#include <leibniz/odeint_ublas.hpp>
#include <stdexcept>

leibniz::odeint::stiff_system robertson_system();
leibniz::odeint::stiff_system forced_system();

namespace {
namespace ode = boost::numeric::odeint;
using leibniz::odeint::ublas_matrix;
using leibniz::odeint::ublas_vector;

struct robertson_rhs {
    void operator()(ublas_vector const& y, ublas_vector& dydt, double) const {
        dydt[0] = -0.04 * y[0] + 1e4 * y[1] * y[2];
        dydt[1] = 0.04 * y[0] - 1e4 * y[1] * y[2] - 3e7 * y[1] * y[1];
        dydt[2] = 3e7 * y[1] * y[1];
    }
};
struct robertson_jacobian {
    void operator()(ublas_vector const& y, ublas_matrix& J, double, ublas_vector& dfdt) const {
        J(0, 0) = -0.04, J(0, 1) = 1e4 * y[2], J(0, 2) = 1e4 * y[1];
        J(1, 0) = 0.04, J(1, 1) = -1e4 * y[2] - 6e7 * y[1], J(1, 2) = -1e4 * y[1];
        J(2, 0) = 0.0, J(2, 1) = 6e7 * y[1], J(2, 2) = 0.0;
        dfdt[0] = dfdt[1] = dfdt[2] = 0.0;
    }
};

template <class System> ublas_vector solve(System const& system, double until) {
    ublas_vector y(3);
    y[0] = 1.0, y[1] = 0.0, y[2] = 0.0;
    ode::integrate_const(ode::make_dense_output<ode::rosenbrock4<double>>(1e-12, 1e-12), system, y, 0.0, until, until / 40);
    return y;
}
}  // namespace

TEST_CASE("odeint: the leibniz Jacobian is the hand-written one, and rosenbrock4 follows the same trajectory") {
    auto const system = leibniz::odeint::rosenbrock_system(robertson_system());
    ublas_vector y(3), f_ours(3), f_hand(3), dfdt_ours(3), dfdt_hand(3);
    y[0] = 0.7, y[1] = 2e-5, y[2] = 0.3;
    ublas_matrix J_ours(3, 3), J_hand(3, 3);
    system.first(y, f_ours, 1.0);
    robertson_rhs{}(y, f_hand, 1.0);
    system.second(y, J_ours, 1.0, dfdt_ours);
    robertson_jacobian{}(y, J_hand, 1.0, dfdt_hand);
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(f_ours[i] == doctest::Approx(f_hand[i]).epsilon(1e-14));
        CHECK(dfdt_ours[i] == 0.0);
        for (std::size_t j = 0; j < 3; ++j) CHECK(J_ours(i, j) == doctest::Approx(J_hand(i, j)).epsilon(1e-14));
    }
    for (double until : {40.0, 4e5}) {
        CAPTURE(until);
        ublas_vector const ours = solve(system, until);
        ublas_vector const hand = solve(std::make_pair(robertson_rhs{}, robertson_jacobian{}), until);
        for (std::size_t i = 0; i < 3; ++i) CHECK(ours[i] == doctest::Approx(hand[i]).epsilon(1e-9));
        CHECK(ours[0] + ours[1] + ours[2] == doctest::Approx(1.0).epsilon(1e-12));  // mass is conserved
    }
    // the textbook values at t = 40: y0 = 0.7158, y1 = 9.185e-6, y2 = 0.2842
    ublas_vector const at_40 = solve(system, 40.0);
    CHECK(at_40[0] == doctest::Approx(0.7158).epsilon(1e-4));
    CHECK(at_40[1] == doctest::Approx(9.185e-6).epsilon(1e-3));
}

TEST_CASE("odeint: df/dt of a system that depends on time, and a state of the wrong size") {
    auto const system = leibniz::odeint::rosenbrock_system(forced_system());
    ublas_vector z(2), dfdt(2);
    z[0] = 0.5, z[1] = -1.0;
    ublas_matrix J(2, 2);
    system.second(z, J, 1.5, dfdt);
    CHECK(J(0, 0) == -1.0);
    CHECK(J(1, 1) == -2.0);
    CHECK(J(0, 1) == 0.0);
    CHECK(dfdt[0] == doctest::Approx(std::cos(1.5)));
    CHECK(dfdt[1] == doctest::Approx(3.0));
    ublas_vector wrong(3), out(3);
    CHECK_THROWS_AS(system.first(wrong, out, 0.0), std::invalid_argument);
}
