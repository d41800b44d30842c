#pragma once
// The C++17 half of the Boost.Odeint adapter: a stiff_system (made by leibniz/odeint.hpp in a
// C++20 translation unit) as the pair of functors rosenbrock4 wants, over uBLAS vectors and
// matrices (which Boost 1.74 does not compile as C++20: odeint_system.hpp). Include this, and
// not leibniz.hpp, in the C++17 translation unit that runs odeint.
//
//     leibniz::odeint::stiff_system robertson();          // defined in the C++20 unit
//     integrate_const(make_dense_output<rosenbrock4<double>>(1e-10, 1e-10),
//                     leibniz::odeint::rosenbrock_system(robertson()), y, 0.0, 40.0, 1.0);
#include <boost/numeric/ublas/matrix.hpp>
#include <boost/numeric/ublas/vector.hpp>

#include <cstddef>
#include <stdexcept>
#include <utility>

#include "odeint_system.hpp"

namespace leibniz::odeint {

using ublas_vector = boost::numeric::ublas::vector<double>;
using ublas_matrix = boost::numeric::ublas::matrix<double>;  // row-major, contiguous

/// dy/dt = f(y, t), as odeint calls it.
struct rhs_functor {
    stiff_system system;
    void operator()(ublas_vector const& y, ublas_vector& dydt, double t) const {
        check(y.size());
        dydt.resize(system.size);
        system.rhs(system.context, &y.data()[0], t, &dydt.data()[0]);
    }
    void check(std::size_t size) const {
        if (size != system.size)
            throw std::invalid_argument(
                "leibniz::odeint: the state has a different number of values than the system "
                "has equations; make the state's size the size of y in make_system");
    }
};

/// J = df/dy and df/dt, as rosenbrock4 calls it.
struct jacobian_functor {
    stiff_system system;
    void operator()(ublas_vector const& y, ublas_matrix& jacobian, double t, ublas_vector& dfdt) const {
        rhs_functor{system}.check(y.size());
        jacobian.resize(system.size, system.size, false);
        dfdt.resize(system.size);
        system.jacobian(system.context, &y.data()[0], t, &jacobian.data()[0], &dfdt.data()[0]);
    }
};

/// The (system, Jacobian) pair that rosenbrock4 and its dense output take.
inline std::pair<rhs_functor, jacobian_functor> rosenbrock_system(stiff_system const& system) {
    return {rhs_functor{system}, jacobian_functor{system}};
}

}  // namespace leibniz::odeint
