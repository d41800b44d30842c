// Robertson's kinetics solved with Boost.Odeint's rosenbrock4, a stiff solver that wants the
// Jacobian: once with the one leibniz derives from the right-hand side (robertson_system.cpp,
// C++20, reached through <leibniz/odeint_ublas.hpp>, which is C++17), once with a Jacobian
// written by hand. Checks its own output: the two Jacobians equal at a state, the same
// trajectory to t = 40 and to t = 4e5, mass conserved, the textbook values at t = 40.
#include <boost/numeric/odeint.hpp>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <leibniz/odeint_ublas.hpp>
#include <utility>

leibniz::odeint::stiff_system robertson_system();

namespace {
namespace ode = boost::numeric::odeint;
using leibniz::odeint::ublas_matrix;
using leibniz::odeint::ublas_vector;

// the same system, by hand
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

template <class System> ublas_vector solve(System const& system, double until, std::size_t& steps) {
    ublas_vector y(3);
    y[0] = 1.0, y[1] = 0.0, y[2] = 0.0;
    steps = ode::integrate_adaptive(ode::make_dense_output<ode::rosenbrock4<double>>(1e-12, 1e-12), system, y, 0.0,
                                    until, until / 40);
    return y;
}

int failures = 0;
void expect(bool ok, char const* what) {
    if (!ok) {
        std::printf("FAILED: %s\n", what);
        ++failures;
    }
}
double relative(double a, double b) { return std::fabs(a - b) / std::fmax(std::fabs(b), 1e-300); }
}  // namespace

int main() {
    auto const leibniz_system = leibniz::odeint::rosenbrock_system(robertson_system());
    auto const hand_system = std::make_pair(robertson_rhs{}, robertson_jacobian{});

    // the right-hand sides and the Jacobians at a state along the way
    ublas_vector y(3), f_ours(3), f_hand(3), dfdt_ours(3), dfdt_hand(3);
    y[0] = 0.7, y[1] = 2e-5, y[2] = 0.3;
    ublas_matrix J_ours(3, 3), J_hand(3, 3);
    leibniz_system.first(y, f_ours, 1.0);
    hand_system.first(y, f_hand, 1.0);
    leibniz_system.second(y, J_ours, 1.0, dfdt_ours);
    hand_system.second(y, J_hand, 1.0, dfdt_hand);
    double worst_f = 0.0, worst_j = 0.0;
    for (std::size_t i = 0; i < 3; ++i) {
        worst_f = std::fmax(worst_f, relative(f_ours[i], f_hand[i]));
        expect(dfdt_ours[i] == 0.0, "df/dt = 0: the system does not depend on t");
        for (std::size_t j = 0; j < 3; ++j) worst_j = std::fmax(worst_j, std::fabs(J_ours(i, j) - J_hand(i, j)));
    }
    std::printf("at y = (0.7, 2e-5, 0.3), against the hand-written system: f %.3g (relative), Jacobian %.3g\n", worst_f,
                worst_j);
    expect(worst_f <= 1e-14, "the right-hand side is the hand-written one");
    expect(worst_j <= 1e-12, "the leibniz Jacobian is the hand-written one");

    std::printf("%10s  %-9s %14s %14s %14s %6s %9s\n", "t", "Jacobian", "y0", "y1", "y2", "steps", "time");
    for (double until : {40.0, 4e5}) {
        std::size_t steps_ours = 0, steps_hand = 0;
        auto const start = std::chrono::steady_clock::now();
        ublas_vector const ours = solve(leibniz_system, until, steps_ours);
        auto const middle = std::chrono::steady_clock::now();
        ublas_vector const hand = solve(hand_system, until, steps_hand);
        auto const end = std::chrono::steady_clock::now();
        auto const ms = [](auto d) { return std::chrono::duration<double, std::milli>(d).count(); };
        std::printf("%10g  %-9s %14.8g %14.8g %14.8g %6zu %7.2f ms\n", until, "leibniz", ours[0], ours[1], ours[2],
                    steps_ours, ms(middle - start));
        std::printf("%10g  %-9s %14.8g %14.8g %14.8g %6zu %7.2f ms\n", until, "by hand", hand[0], hand[1], hand[2],
                    steps_hand, ms(end - middle));
        for (std::size_t i = 0; i < 3; ++i) expect(relative(ours[i], hand[i]) <= 1e-9, "the same trajectory");
        expect(std::fabs(ours[0] + ours[1] + ours[2] - 1.0) <= 1e-12, "mass is conserved");
        if (until == 40.0) {  // the textbook values: y0 = 0.7158, y1 = 9.185e-6, y2 = 0.2842
            expect(relative(ours[0], 0.7158) <= 1e-4, "y0(40) = 0.7158");
            expect(relative(ours[1], 9.185e-6) <= 1e-3, "y1(40) = 9.185e-6");
            expect(relative(ours[2], 0.2842) <= 1e-3, "y2(40) = 0.2842");
        }
    }
    std::printf(failures ? "%d check(s) failed\n" : "all checks passed\n", failures);
    return failures ? 1 : 0;
}
