// A chain of three stages (seed 004): h(x) = x^2, g(u) = tanh(u), f(v) = v^2, at x = 0.7.
//     df/dx = f'(g(h(x))) * g'(h(x)) * h'(x)
// Each factor is one stage's derivative at the point that stage sees; the article shows
// 0.9084 * 0.7937 * 1.4000 = 1.0094.
#include <cmath>
#include <cstdio>
#include <iostream>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;
constexpr var<"u"> u;
constexpr var<"v"> v;

constexpr auto h = x * x;                    // inner
constexpr auto g = tanh(u);                  // middle
constexpr auto f = v * v;                    // outer
constexpr auto chain = square(tanh(x * x));  // f(g(h(x)))

// The rule applied by leibniz at compile time: 2 tanh(x^2) * (1 - tanh(x^2)^2) * 2x, with
// 1 - tanh^2 written 1/cosh^2 (the form that keeps its digits where tanh rounds to 1).
static_assert(d(chain, x) == 4_c * x * tanh(x * x) / square(cosh(x * x)));

int main() {
    examples::comparison compare;
    double const x0 = 0.7;
    double const u0 = h(x = x0), v0 = g(u = u0);
    double const four_digits = 5e-5;  // the article prints four decimals

    std::cout << "h(x) = " << h << ",  g(u) = " << g << ",  f(v) = " << f << "\n"
              << "d/dx f(g(h(x))) = " << d(chain, x) << "\n\n";
    std::printf("at x = %g: u = h(x) = %.4f, v = g(u) = %.4f, f(v) = %.4f\n", x0, u0, v0, f(v = v0));
    compare.header();
    double const f_prime = d(f, v)(v = v0), g_prime = d(g, u)(u = u0), h_prime = d(h, x)(x = x0);
    compare("f'(v) = 2v at v = g(h(x))", f_prime, 0.9084, four_digits);
    compare("g'(u) = 1 - tanh(u)^2 at u = h(x)", g_prime, 0.7937, four_digits);
    compare("h'(x) = 2x", h_prime, 1.4000, four_digits);
    compare("their product", f_prime * g_prime * h_prime, 1.0094, four_digits);

    // The composition differentiated whole, three ways, against the formula with <cmath>.
    double const t = std::tanh(x0 * x0);
    double const by_hand = 2 * t * (1 - t * t) * 2 * x0;
    compare("d(chain, x)", d(chain, x)(x = x0), by_hand, 1e-15);
    compare("gradient(chain, x)", gradient(chain, x)(x = x0)[0], by_hand, 1e-15);
    leibniz::tape::scope recording;
    leibniz::tape::var xt = x0;
    leibniz::tape::var const y = square(tanh(xt * xt));
    compare("tape::gradient", leibniz::tape::gradient(y, xt)[0], by_hand, 1e-15);
    return compare.exit_code();
}
