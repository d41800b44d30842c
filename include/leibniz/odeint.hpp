#pragma once
// The C++20 half of the Boost.Odeint adapter: a right-hand side written once as leibniz
// expressions, outputs(f_0, ..., f_{n-1}) over a family y of n variables and a time variable t,
// becomes a stiff_system (odeint_system.hpp): its values by one forward sweep, its Jacobian
// df/dy and df/dt by the compile-time reverse sweeps, written into the caller's arrays. The
// other half, odeint_ublas.hpp, hands it to rosenbrock4 from a C++17 translation unit.
//
//     // robertson.cpp, C++20
//     leibniz::odeint::stiff_system robertson() {
//         static auto const system = leibniz::odeint::make_system(outputs(f0, f1, f2), y, t);
//         return system.view();
//     }
#include <array>
#include <cstddef>

#include "gradient.hpp"
#include "odeint_system.hpp"
#include "view.hpp"

namespace leibniz::odeint {

/// The right-hand side and its Jacobian as leibniz functions, and the stiff_system that calls them.
template <class Values, class Jacobian, std::size_t N, class Y, class T> class system {
public:
    system(Values const& values, Jacobian const& jacobian) : values_(values), jacobian_(jacobian) {}

    /// The plain-array form for odeint_ublas.hpp; this object must outlive it.
    stiff_system view() const { return {N, this, &rhs, &jacobian}; }

private:
    static void rhs(void const* self, double const* y, double t, double* dydt) {
        auto const& s = *static_cast<system const*>(self);
        s.values_.into(dydt)(Y{} = leibniz::view<N>(y), T{} = t);
    }
    static void jacobian(void const* self, double const* y, double t, double* out, double* dfdt) {
        auto const& s = *static_cast<system const*>(self);
        // the rows by y, then t: the last column is df/dt
        auto const rows = s.jacobian_(Y{} = leibniz::view<N>(y), T{} = t);
        for (std::size_t i = 0; i < N; ++i) {
            for (std::size_t j = 0; j < N; ++j) out[i * N + j] = static_cast<double>(rows[i][j]);
            dfdt[i] = static_cast<double>(rows[i][N]);
        }
    }

    Values values_;
    Jacobian jacobian_;
};

/// make_system(outputs(f_0, ..., f_{n-1}), y, t): y' = f(y, t) for a family y of n variables and
/// a time variable t (which the f need not use).
template <class Trees, std::size_t K, class Number, leibniz::detail::fixed_string Name, std::size_t N,
          leibniz::detail::fixed_string Time>
auto make_system(output_list<Trees, K, Number> const& rhs, var_array<Name, N> y, var<Time> t) {
    static_assert(Trees::size == N,
                  "leibniz::odeint::make_system(outputs(f...), y, t): one right-hand side per "
                  "variable of y, as y' = f(y, t) has");
    auto jacobian = leibniz::jacobian(rhs, y, t);
    return system<output_list<Trees, K, Number>, decltype(jacobian), N, var_array<Name, N>, var<Time>>(rhs, jacobian);
}

}  // namespace leibniz::odeint
