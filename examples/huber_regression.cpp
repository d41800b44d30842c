// A straight line fitted to data with two outliers by gradient descent on Huber's loss,
//     huber(r) = r^2/2 where |r| <= delta,   delta (|r| - delta/2) elsewhere,
// written with select, and differentiated by gradient: the outliers pull with a bounded force
// (delta) instead of the squared residual, so the fit stays on the other points.
//
// The data: eight points on y = 2x + 1 and two outliers at x = 3, one 10 above the line and
// one 6 below it. At a = 2, b = 1 the eight residuals are 0 and the outliers' pulls, +delta and
// -delta at the same x, cancel: the gradient is 0 there, and as the loss is convex this is the
// fit. Least squares, by contrast, is pulled 4/2 = 2 up at x = 3 (its closed form is below).
#include <array>
#include <cmath>
#include <cstdio>
#include <iostream>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

constexpr std::size_t n = 10;
constexpr var<"a"> a;
constexpr var<"b"> b;
constexpr var_array<"x", n> x;
constexpr var_array<"y", n> y;

// Huber's loss with delta = 1
constexpr auto huber = [](auto r) { return select(abs(r) <= 1_c, r * r / 2_c, abs(r) - 1_c / 2_c); };
// the mean loss of the line a x + b over the data
constexpr auto loss = sum<n>([](auto i) { return huber(a * x[i] + b - y[i]); }) / c<n>;

int main() {
    examples::comparison compare;
    std::array<double, n> const xs{-2, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 3, 3};
    std::array<double, n> ys{};
    for (std::size_t i = 0; i < n; ++i) ys[i] = 2 * xs[i] + 1;
    ys[8] += 10;  // the outliers
    ys[9] -= 6;

    std::cout << "huber(r) = " << huber(var<"r">{}) << "\n";
    std::cout << "as LaTeX:  " << to_latex(huber(var<"r">{})) << "\n\n";

    // Gradient descent from (0, 0): one forward and one reverse sweep per step, no tape.
    double a0 = 0, b0 = 0;
    auto const step = gradient(loss, a, b);
    int steps = 0;
    for (; steps < 5000; ++steps) {
        auto const g = step(a = a0, b = b0, x = xs, y = ys);
        if (std::hypot(g[0], g[1]) < 1e-13) break;
        a0 -= 0.5 * g[0];
        b0 -= 0.5 * g[1];
    }
    std::printf("gradient descent: %d steps\n", steps);
    compare.header();
    compare("slope a", a0, 2.0, 1e-10);
    compare("intercept b", b0, 1.0, 1e-10);
    compare("mean loss at the fit", loss(a = a0, b = b0, x = xs, y = ys), (9.5 + 5.5) / n, 1e-10);

    // The same gradient from the tape, and from the symbolic derivative, at the start.
    auto const g = step(a = 0.0, b = 0.0, x = xs, y = ys);
    double tape_a = 0, tape_b = 0;
    {
        tape::scope recording;
        tape::var ta = 0.0, tb = 0.0;
        tape::var total = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            tape::var r = ta * xs[i] + tb - ys[i];
            total += select(abs(r) <= 1.0, r * r / 2.0, abs(r) - 0.5);
        }
        auto const t = tape::gradient(total / double(n), ta, tb);
        tape_a = t[0];
        tape_b = t[1];
    }
    std::printf("\nthe gradient at (0, 0) by each engine\n");
    compare.header();
    compare("d loss/da: gradient vs tape", g[0], tape_a, 1e-15);
    compare("d loss/db: gradient vs tape", g[1], tape_b, 1e-15);
    compare("d loss/da: gradient vs d", g[0], d(loss, a)(a = 0.0, b = 0.0, x = xs, y = ys), 1e-15);

    // Least squares, for contrast: the normal equations in closed form.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        sx += xs[i];
        sy += ys[i];
        sxx += xs[i] * xs[i];
        sxy += xs[i] * ys[i];
    }
    double const ls_a = (n * sxy - sx * sy) / (n * sxx - sx * sx), ls_b = (sy - ls_a * sx) / n;
    std::printf("\nleast squares, pulled by the outliers: y = %.4f x + %.4f\n", ls_a, ls_b);
    compare.holds("Huber's fit is nearer the line",
                  std::hypot(a0 - 2, b0 - 1) < 1e-9 && std::hypot(ls_a - 2, ls_b - 1) > 0.1);
    return compare.exit_code();
}
