// Robertson's chemical kinetics, the classic stiff system, written once as leibniz expressions
// and made an odeint stiff_system (<leibniz/odeint.hpp>): the right-hand side and its Jacobian
// df/dy (the reverse sweep) and df/dt. This file is C++20; main.cpp, which solves it with
// Boost.Odeint's rosenbrock4, is C++17, because Boost 1.74's uBLAS does not compile as C++20.
#include <leibniz/leibniz.hpp>
#include <leibniz/odeint.hpp>

leibniz::odeint::stiff_system robertson_system() {
    using namespace leibniz::literals;
    constexpr leibniz::var_array<"y", 3> y;
    constexpr leibniz::var<"t"> t;
    auto const decay = 0.04 * y[0_c];
    auto const recombination = 1e4 * y[1_c] * y[2_c];
    auto const production = 3e7 * y[1_c] * y[1_c];
    static auto const system = leibniz::odeint::make_system(
        leibniz::outputs(-decay + recombination, decay - recombination - production, production), y, t);
    return system.view();
}
