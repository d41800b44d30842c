// The multivariable chain rule: when x reaches f along several paths, the contributions add,
//   df/dx = df/du du/dx + df/dv dv/dx.
// The seed's example: f(u, v) = u^2 + u v with u = 2x + y and v = x - 3y, so df/dx = 12x - y.
#include <cstdio>
#include <iostream>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;
constexpr var<"y"> y;

// f as a function of u and v: u and v are variables in their own right here ...
constexpr var<"u"> u;
constexpr var<"v"> v;
constexpr auto f_of_uv = u * u + u * v;
// ... and the inner functions u(x, y), v(x, y).
constexpr auto u_of_xy = 2_c * x + y;
constexpr auto v_of_xy = x - 3_c * y;
// f as a function of x and y: the composition, written out.
constexpr auto f = u_of_xy * u_of_xy + u_of_xy * v_of_xy;

// The article's answer, proved: df/dx = 5u + 2v = 12x - y once u and v are substituted.
static_assert(d(f, x) == 12_c * x - y);
static_assert(d(f_of_uv, u) == 2_c * u + v && d(f_of_uv, v) == u);
// and by y: (2u + v) * 1 + u * (-3) = v - u = -x - 4y
static_assert(d(f, y) == -x - 4_c * y);

int main() {
    examples::comparison compare;
    double const x0 = 1.5, y0 = -0.5;
    double const u0 = u_of_xy(x = x0, y = y0), v0 = v_of_xy(x = x0, y = y0);

    std::cout << "f(u, v) = " << f_of_uv << ",  u = " << u_of_xy << ",  v = " << v_of_xy << "\n"
              << "df/du = " << d(f_of_uv, u) << ",  df/dv = " << d(f_of_uv, v) << "\n"
              << "du/dx = " << d(u_of_xy, x) << ",  dv/dx = " << d(v_of_xy, x) << "\n"
              << "df/dx of the composition = " << d(f, x) << "\n\n";
    std::printf("at x = %g, y = %g (u = %g, v = %g):\n", x0, y0, u0, v0);
    compare.header();

    // Each path's contribution: (the outer partial at (u, v)) times (the inner partial at (x, y)).
    double const through_u = d(f_of_uv, u)(u = u0, v = v0) * d(u_of_xy, x)(x = x0, y = y0);
    double const through_v = d(f_of_uv, v)(u = u0, v = v0) * d(v_of_xy, x)(x = x0, y = y0);
    compare("path x -> u -> f: (2u + v) * 2", through_u, (2 * u0 + v0) * 2, 1e-12);
    compare("path x -> v -> f: u * 1", through_v, u0 * 1, 1e-12);
    compare("the paths added", through_u + through_v, 12 * x0 - y0, 1e-12);

    // The same number from the composition, symbolically and by one reverse sweep.
    compare("d(f, x), symbolic", d(f, x)(x = x0, y = y0), 12 * x0 - y0, 1e-12);
    auto const [df_dx, df_dy] = gradient(f, x, y)(x = x0, y = y0);
    compare("gradient(f, x, y)[0]", df_dx, 12 * x0 - y0, 1e-12);
    compare("gradient(f, x, y)[1] = -x - 4y", df_dy, -x0 - 4 * y0, 1e-12);
    return compare.exit_code();
}
