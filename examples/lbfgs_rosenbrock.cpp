// The extended Rosenbrock function in 16 dimensions minimised by L-BFGS, the quasi-Newton method
// of most optimisation libraries, with the objective and its gradient given to the optimiser
// in its own shape, double f(double const* x, double* g): leibniz reads x in place
// (view<16>(x)) and writes the gradient into g (value_and_gradient(...).into(g)), from one forward
// and one reverse sweep, without a tape. The optimiser is a small one written here (two-loop
// recursion, memory 8, backtracking line search); Debian packages none for C++.
//
//     f(x) = sum_i 100 (x[2i+1] - x[2i]^2)^2 + (1 - x[2i])^2,   minimum 0 at x = (1, ..., 1)
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <deque>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

constexpr std::size_t n = 16;
constexpr var_array<"x", n> x;

// the objective, as a sum over pairs (index arithmetic on sum's index: x[i * 2_c + 1_c])
auto const rosenbrock = sum<n / 2>([](auto i) {
    auto const a = x[i * 2_c];
    auto const b = x[i * 2_c + 1_c];
    return 100_c * square(b - a * a) + square(1_c - a);
});

// what an optimiser calls: the value, and the gradient into g
double objective(double const* at, double* g) {
    static auto const value_and_slope = value_and_gradient(rosenbrock, x);
    return value_and_slope.into(g)(x = view<n>(at));
}

using vector = std::array<double, n>;
double dot(vector const& a, vector const& b) {
    double s = 0;
    for (std::size_t i = 0; i < n; ++i) s += a[i] * b[i];
    return s;
}

// L-BFGS: the direction from the last `memory` steps s and gradient changes y (two-loop
// recursion), a backtracking line search with Armijo's condition. Returns the iterations used.
int minimise(vector& at, double (*f)(double const*, double*), double tolerance, int max_iterations) {
    constexpr std::size_t memory = 8;
    std::deque<vector> steps, changes;
    vector g{};
    double value = f(at.data(), g.data());
    for (int iteration = 0; iteration < max_iterations; ++iteration) {
        if (std::sqrt(dot(g, g)) < tolerance) return iteration;
        // the two-loop recursion: d = -H g
        vector q = g;
        std::array<double, memory> alpha{};
        for (std::size_t k = steps.size(); k-- > 0;) {
            alpha[k] = dot(steps[k], q) / dot(changes[k], steps[k]);
            for (std::size_t i = 0; i < n; ++i) q[i] -= alpha[k] * changes[k][i];
        }
        double const scale = steps.empty() ? 1.0 / std::sqrt(dot(g, g))
                                           : dot(steps.back(), changes.back()) / dot(changes.back(), changes.back());
        for (double& v : q) v *= scale;
        for (std::size_t k = 0; k < steps.size(); ++k) {
            double const beta = dot(changes[k], q) / dot(changes[k], steps[k]);
            for (std::size_t i = 0; i < n; ++i) q[i] += steps[k][i] * (alpha[k] - beta);
        }
        vector direction{};
        for (std::size_t i = 0; i < n; ++i) direction[i] = -q[i];
        // backtracking until the value falls by Armijo's fraction of the slope
        double const slope = dot(g, direction);
        double length = 1.0, next_value = 0;
        vector next{}, next_g{};
        for (int halving = 0; halving < 60; ++halving, length *= 0.5) {
            for (std::size_t i = 0; i < n; ++i) next[i] = at[i] + length * direction[i];
            next_value = f(next.data(), next_g.data());
            if (next_value <= value + 1e-4 * length * slope) break;
        }
        vector s{}, y{};
        for (std::size_t i = 0; i < n; ++i) s[i] = next[i] - at[i], y[i] = next_g[i] - g[i];
        if (dot(s, y) > 1e-300) {  // keep the pair only where the curvature is positive
            steps.push_back(s);
            changes.push_back(y);
            if (steps.size() > memory) steps.pop_front(), changes.pop_front();
        }
        at = next;
        g = next_g;
        value = next_value;
    }
    return max_iterations;
}

int main() {
    examples::comparison compare;
    vector at{};
    for (std::size_t i = 0; i < n; ++i) at[i] = i % 2 == 0 ? -1.2 : 1.0;  // the classic start

    // the gradient at the start, from leibniz and from the tape
    vector g{};
    double const start_value = objective(at.data(), g.data());
    std::array<double, n> taped{};
    {
        tape::scope recording;
        std::array<tape::var, n> v{};
        for (std::size_t i = 0; i < n; ++i) v[i] = at[i];
        tape::var total = 0.0;
        for (std::size_t i = 0; i < n; i += 2)
            total += 100.0 * (v[i + 1] - v[i] * v[i]) * (v[i + 1] - v[i] * v[i]) + (1.0 - v[i]) * (1.0 - v[i]);
        taped = tape::gradient(total, v);
    }
    compare.header();
    compare("f at the start", start_value, 8 * 24.2, 1e-12);
    double worst = 0;
    for (std::size_t i = 0; i < n; ++i) worst = std::max(worst, std::abs(g[i] - taped[i]));
    compare("gradient at the start vs the tape", worst, 0.0, 1e-12);

    int const iterations = minimise(at, objective, 1e-10, 500);
    vector final_g{};
    double const final_value = objective(at.data(), final_g.data());
    std::printf("\nL-BFGS: %d iterations\n", iterations);
    compare("f at the minimum", final_value, 0.0, 1e-18);
    double farthest = 0;
    for (double v : at) farthest = std::max(farthest, std::abs(v - 1.0));
    compare("largest |x_i - 1|", farthest, 0.0, 1e-9);
    compare.holds("converged before 500 iterations", iterations < 500);
    return compare.exit_code();
}
