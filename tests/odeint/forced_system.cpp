// A system that depends on time, made an odeint stiff_system (leibniz/odeint.hpp) in this C++20
// translation unit; forced_solve.cpp, C++17 (uBLAS does not compile as C++20 in Boost 1.74),
// reads its Jacobian and df/dt. Robertson's kinetics solved with rosenbrock4 is an example that
// is also a test: examples/robertson_kinetics.
#include <leibniz/leibniz.hpp>
#include <leibniz/odeint.hpp>

namespace {
constexpr leibniz::var<"t"> t;
}  // namespace

// a system that depends on t, for df/dt: y' = -y + sin(t) in each of two equations
leibniz::odeint::stiff_system forced_system() {
    constexpr leibniz::var_array<"z", 2> z;
    using leibniz::sin;
    static auto const system = leibniz::odeint::make_system(
        leibniz::outputs(-z[leibniz::c<0>] + sin(t), -2.0 * z[leibniz::c<1>] + t * t), z, t);
    return system.view();
}
