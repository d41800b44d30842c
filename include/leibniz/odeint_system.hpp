#pragma once
// A stiff system y' = f(y, t) as Boost.Odeint's implicit steppers (rosenbrock4) need it: the
// right-hand side and its Jacobian J = df/dy with df/dt, over plain arrays, behind function
// pointers. This header is C++17 as well as C++20 and includes nothing of leibniz: Boost 1.74's
// uBLAS, which rosenbrock4 requires, does not compile as C++20 (it calls
// std::allocator::construct, removed in C++20; boostorg/ublas#95), so the system is made in a
// C++20 translation unit (leibniz/odeint.hpp) and solved in a C++17 one (leibniz/odeint_ublas.hpp).
#include <cstddef>

namespace leibniz::odeint {

struct stiff_system {
    std::size_t size;     // the number of equations, n
    void const* context;  // what made the system (its expressions' numbers), kept alive by it
    void (*rhs)(void const* context, double const* y, double t, double* dydt);
    // J row-major, n x n, and df/dt, n
    void (*jacobian)(void const* context, double const* y, double t, double* jacobian, double* dfdt);
};

}  // namespace leibniz::odeint
