// The picture of backpropagation (seed 004): the computational graph of
//     L = (sigmoid(w x + b) - y)^2
// at w = 0.5, x = 1, b = 0.1, y = 1, written as Graphviz text by to_dot. Each node shows its
// forward value and its grad dL/d(node) from the reverse sweep; each edge is labelled with the
// local derivative the sweep multiplies by. scripts/render_graph.sh turns it into docs/graph.png.
//     graph_picture [file.dot]      (default: graph.dot in the working directory)
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include <leibniz/dot.hpp>
#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;

constexpr var<"w"> w;
constexpr var<"x"> x;
constexpr var<"b"> b;
constexpr var<"y"> y;
constexpr auto L = square(sigmoid(w * x + b) - y);

int main(int argc, char** argv) {
    examples::comparison compare;
    double const w0 = 0.5, x0 = 1, b0 = 0.1, y0 = 1;
    std::string const path = argc > 1 ? argv[1] : "graph.dot";

    std::string const graph = to_dot(L, w = w0, x = x0, b = b0, y = y0);
    std::ofstream(path) << graph;
    std::cout << graph << "\nwritten to " << path << "; render it with: dot -Tpng " << path << " -o graph.png\n\n";

    // The numbers in the picture, against the chain rule written by hand:
    //   a = sigmoid(wx + b),  dL/da = 2(a - y),  dL/dz = dL/da * a(1 - a),  dL/dw = dL/dz * x, ...
    double const a = 1 / (1 + std::exp(-(w0 * x0 + b0)));
    double const dL_dz = 2 * (a - y0) * a * (1 - a);
    auto const [value, g] = value_and_gradient(L, w, x, b, y)(w = w0, x = x0, b = b0, y = y0);
    compare.header();
    compare("L (seed: 0.1256)", value, 0.1256, 5e-5);
    compare("L = (a - y)^2", value, (a - y0) * (a - y0), 1e-15);
    compare("dL/dw = dL/dz * x", g[0], dL_dz * x0, 1e-15);
    compare("dL/dx = dL/dz * w", g[1], dL_dz * w0, 1e-15);
    compare("dL/db = dL/dz", g[2], dL_dz, 1e-15);
    compare("dL/dy = -2(a - y)", g[3], -2 * (a - y0), 1e-15);

    // The graph has one node per distinct subexpression: w, x, w*x, b, b + w*x, sigmoid(...),
    // -1, y, -y, the difference and its square: 11, 10 edges (-1 -> -y drawn dashed).
    auto count = [&](std::string const& what) {
        std::size_t n = 0;
        for (std::size_t at = graph.find(what); at != std::string::npos; at = graph.find(what, at + 1)) ++n;
        return static_cast<double>(n);
    };
    compare("nodes in the picture", count("tooltip="), 11, 0);  // only nodes have tooltips
    compare("edges in the picture", count("-> n"), 10, 0);
    compare.holds("the file was written", std::ifstream(path).good());
    return compare.exit_code();
}
