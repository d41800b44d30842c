// to_dot: the Graphviz picture of an expression's graph, its forward values, the reverse
// sweep's adjoints and the local derivatives on the edges.
#include <doctest/doctest.h>

#include <cstddef>
#include <string>
#include <string_view>

#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"w"> w;
constexpr var<"x"> x;
constexpr var<"b"> b;
constexpr var<"y"> y;

std::size_t occurrences(std::string const& text, std::string_view what) {
    std::size_t n = 0;
    for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
    return n;
}
bool contains(std::string const& text, std::string_view what) { return text.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("to_dot: L = (w x + b - y)^2 at w = 2, x = 3, b = 1, y = 5, the forward and backward pass of seed 000") {
    std::string const dot = to_dot(square(w * x + b - y), w = 2.0, x = 3.0, b = 1.0, y = 5.0);
    CAPTURE(dot);
    CHECK(dot.starts_with("digraph leibniz {\n"));
    CHECK(dot.ends_with("}\n"));
    // w, x, w*x, b, -1, y, -y, the sum, its square: one node each (only nodes carry a tooltip)
    CHECK(occurrences(dot, "tooltip=") == 9);
    CHECK(occurrences(dot, " -> ") == 8);
    // forward values and adjoints dL/d(node): 12, 8, 4 and -4 for the inputs
    CHECK(contains(dot, "label=\"w\\nvalue = 2\\ngrad = 12\""));
    CHECK(contains(dot, "label=\"x\\nvalue = 3\\ngrad = 8\""));
    CHECK(contains(dot, "label=\"b\\nvalue = 1\\ngrad = 4\""));
    CHECK(contains(dot, "label=\"y\\nvalue = 5\\ngrad = -4\""));
    CHECK(contains(dot, "label=\"w*x\\nvalue = 6\\ngrad = 4\""));
    CHECK(contains(dot, "label=\"b - y + w*x\\nvalue = 2\\ngrad = 4\""));
    CHECK(contains(dot, "label=\"(b - y + w*x)^2\\nvalue = 4\\ngrad = 1\", tooltip=\"(b - y + w*x)^2\", penwidth=2"));
    // the constant -1 depends on no variable: drawn grey, its edge dashed and unlabelled
    CHECK(contains(dot, "label=\"-1\", tooltip=\"-1\", color=gray55"));
    CHECK(occurrences(dot, "style=dashed") == 1);
}

TEST_CASE("to_dot: edges carry the local derivative d(node)/d(operand)") {
    std::string const dot = to_dot(w * x, w = 2.0, x = 3.0);
    CAPTURE(dot);
    // the nodes are w (n0), x (n1), w*x (n2): d(wx)/dw = x = 3, d(wx)/dx = w = 2
    CHECK(contains(dot, "n0 -> n2 [label=\"3\"]"));
    CHECK(contains(dot, "n1 -> n2 [label=\"2\"]"));

    // a subexpression used twice is one node, and its adjoint sums the two paths:
    // f = sin(x) * sin(x) + sin(x) is canonically sin(x)^2 + sin(x); d f / d sin(x) = 2 sin(x) + 1
    std::string const shared = to_dot(sin(x) * sin(x) + sin(x), x = 0.5);
    CAPTURE(shared);
    CHECK(occurrences(shared, "tooltip=\"sin(x)\"") == 1);
    CHECK(contains(shared, "sin(x)\\nvalue = 0.4794\\ngrad = 1.959\""));  // 2 sin(0.5) + 1 = 1.95885
}

TEST_CASE("to_dot: quotients, runtime constants and powers with an expression exponent") {
    // x / y is the product x * y^-1 reading y directly: d(x/y)/dy = -x/y^2 = -0.125 at x = 2, y = 4
    std::string const dot = to_dot(x / y + pow(x, y) + 2.5 * x, x = 2.0, y = 4.0);
    CAPTURE(dot);
    CHECK(contains(dot, "label=\"2.5\", tooltip=\"2.5\", color=gray55"));  // a runtime constant is a constant
    CHECK(contains(dot, "label=\"x/y\\nvalue = 0.5\\ngrad = 1\""));
    CHECK(contains(dot, "label=\"-0.125\""));  // the edge y -> x/y
    CHECK(contains(dot, "label=\"x^y\\nvalue = 16\\ngrad = 1\""));
    CHECK(contains(dot, "label=\"32\""));  // d(x^y)/dx = y x^(y-1)
    // dF/dx = 1/y + y x^(y-1) + 2.5 = 34.75; dF/dy = -x/y^2 + x^y log x = 10.97
    CHECK(contains(dot, "label=\"x\\nvalue = 2\\ngrad = 34.75\""));
    CHECK(contains(dot, "label=\"y\\nvalue = 4\\ngrad = 10.97\""));
}

TEST_CASE("to_dot: a lone variable, a constant, an operand used twice by one node") {
    CHECK(contains(to_dot(x, x = 1.0), "n0 [label=\"x\\nvalue = 1\\ngrad = 1\""));
    CHECK(contains(to_dot(3_c), "n0 [label=\"3\", tooltip=\"3\", color=gray55"));
    // atan2(x, x) reads x twice: one edge, carrying the sum of both partials, 1/2 - 1/2 = 0
    std::string const twice = to_dot(atan2(x, x) + y, x = 1.0f, y = 2.0f);  // evaluated in float
    CAPTURE(twice);
    // the canonical sum puts y first: y is n0, x n1, atan2(x, x) n2
    CHECK(contains(twice, "n1 [label=\"x\\nvalue = 1\\ngrad = 0\""));
    CHECK(occurrences(twice, "n1 -> n2 ") == 1);
    CHECK(contains(twice, "n1 -> n2 [label=\"0\"]"));
}
