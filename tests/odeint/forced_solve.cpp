// The functors rosenbrock4 takes (leibniz/odeint_ublas.hpp, C++17) for a system made in C++20
// (forced_system.cpp): its Jacobian and df/dt, and a state of the wrong size refused.
#include <doctest/doctest.h>

#include <cmath>
#include <leibniz/odeint_ublas.hpp>
#include <stdexcept>

leibniz::odeint::stiff_system forced_system();

namespace {
using leibniz::odeint::ublas_matrix;
using leibniz::odeint::ublas_vector;
}  // namespace

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
