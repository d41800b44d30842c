// Robertson's chemical kinetics, the classic stiff system, written as leibniz expressions and
// made an odeint stiff_system (leibniz/odeint.hpp) in this C++20 translation unit; it is solved
// with Boost.Odeint's rosenbrock4 in robertson_solve.cpp, a C++17 one (uBLAS does not compile as
// C++20 in Boost 1.74).
#include <leibniz/leibniz.hpp>
#include <leibniz/odeint.hpp>

namespace {
constexpr leibniz::var_array<"y", 3> y;
constexpr leibniz::var<"t"> t;
}  // namespace

leibniz::odeint::stiff_system robertson_system() {
    using namespace leibniz::literals;
    auto const decay = 0.04 * y[0_c];
    auto const recombination = 1e4 * y[1_c] * y[2_c];
    auto const production = 3e7 * y[1_c] * y[1_c];
    static auto const system = leibniz::odeint::make_system(
        leibniz::outputs(-decay + recombination, decay - recombination - production, production), y, t);
    return system.view();
}

// a system that depends on t, for df/dt: y' = -y + sin(t) in each of two equations
leibniz::odeint::stiff_system forced_system() {
    constexpr leibniz::var_array<"z", 2> z;
    using leibniz::sin;
    static auto const system = leibniz::odeint::make_system(leibniz::outputs(-z[leibniz::c<0>] + sin(t), -2.0 * z[leibniz::c<1>] + t * t), z, t);
    return system.view();
}
