// A computational graph, forward and backward: L = (w x + b - y)^2 broken into one operation
// per node,
//     p = w x,   q = p + b,   r = q - y,   L = r^2,
// at the seed's point w = 2, x = 3, b = 1, y = 5. The forward pass computes every node's value;
// the backward pass starts from dL/dL = 1 and multiplies by each node's local derivative on
// the way back. leibniz's gradient() does the same sweep over the expression's graph.
#include <cstdio>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"w"> w;
constexpr var<"x"> x;
constexpr var<"b"> b;
constexpr var<"y"> y;

// Each node as an expression of its inputs (p, q, r are variables when they are the input).
constexpr var<"p"> p;
constexpr var<"q"> q;
constexpr var<"r"> r;
constexpr auto node_p = w * x;
constexpr auto node_q = p + b;
constexpr auto node_r = q - y;
constexpr auto node_L = r * r;

// The whole loss as one expression.
constexpr auto L = square(w * x + b - y);

int main() {
    examples::comparison compare;
    double const w0 = 2, x0 = 3, b0 = 1, y0 = 5;

    std::printf("Forward pass (values flow from the inputs to L):\n");
    compare.header();
    double const p0 = node_p(w = w0, x = x0);
    double const q0 = node_q(p = p0, b = b0);
    double const r0 = node_r(q = q0, y = y0);
    double const L0 = node_L(r = r0);
    compare("p = w x", p0, w0 * x0, 0);
    compare("q = p + b", q0, w0 * x0 + b0, 0);
    compare("r = q - y", r0, w0 * x0 + b0 - y0, 0);
    compare("L = r^2", L0, 4, 0);  // the seed: L = 4
    compare("L, the whole expression at once", L(w = w0, x = x0, b = b0, y = y0), 4, 0);

    // Backward: each node's local derivatives, from d() of that node alone, at the forward values.
    std::printf("\nBackward pass (each step: incoming gradient * local derivative):\n");
    compare.header();
    double const dL_dr = 1.0 * d(node_L, r)(r = r0);            // 2r
    double const dL_dq = dL_dr * d(node_r, q)(q = q0, y = y0);  // * 1
    double const dL_dy = dL_dr * d(node_r, y)(q = q0, y = y0);  // * (-1)
    double const dL_dp = dL_dq * d(node_q, p)(p = p0, b = b0);  // * 1
    double const dL_db = dL_dq * d(node_q, b)(p = p0, b = b0);  // * 1
    double const dL_dw = dL_dp * d(node_p, w)(w = w0, x = x0);  // * x
    double const dL_dx = dL_dp * d(node_p, x)(w = w0, x = x0);  // * w
    // expected: the seed's numbers, which are 2r x, 2r w, 2r, -2r with r = 2
    compare("dL/dr = 2r", dL_dr, 4, 0);
    compare("dL/dq = dL/dr * 1", dL_dq, 4, 0);
    compare("dL/dy = dL/dr * (-1)", dL_dy, -4, 0);
    compare("dL/dp = dL/dq * 1", dL_dp, 4, 0);
    compare("dL/db = dL/dq * 1", dL_db, 4, 0);
    compare("dL/dw = dL/dp * x", dL_dw, 12, 0);
    compare("dL/dx = dL/dp * w", dL_dx, 8, 0);

    // The same four gradients from one reverse sweep over L's graph, laid out at compile time.
    std::printf("\ngradient(L, w, x, b, y): one forward and one reverse sweep\n");
    compare.header();
    auto const g = gradient(L, w, x, b, y)(w = w0, x = x0, b = b0, y = y0);
    double const by_hand = 2 * (w0 * x0 + b0 - y0);  // dL/dr, the common factor
    compare("dL/dw = 2(wx + b - y) x", g[0], by_hand * x0, 1e-15);
    compare("dL/dx = 2(wx + b - y) w", g[1], by_hand * w0, 1e-15);
    compare("dL/db = 2(wx + b - y)", g[2], by_hand, 1e-15);
    compare("dL/dy = -2(wx + b - y)", g[3], -by_hand, 1e-15);
    return compare.exit_code();
}
