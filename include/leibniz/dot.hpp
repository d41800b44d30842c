#pragma once
// to_dot(e, x = 1.0, ...): the computational graph of e as Graphviz text, the picture of
// backpropagation. The graph is the one evaluation and the reverse sweep use (detail/graph.hpp):
// one node per distinct subexpression, operands before users. Each node shows its forward
// value and its adjoint d e / d node from the reverse sweep (detail/reverse.hpp); each edge,
// operand -> node, is labelled with the local derivative d node / d operand, which is what
// that sweep multiplies by when it passes the node's adjoint back along the edge. Nodes that
// depend on no variable (constants) take no part in the sweep and are drawn grey.
#include <array>
#include <charconv>
#include <cstddef>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>

#include "functions.hpp"
#include "detail/graph.hpp"
#include "detail/reverse.hpp"
#include "detail/type_list.hpp"
#include "evaluate.hpp"
#include "expression.hpp"
#include "print.hpp"

namespace leibniz {
namespace detail {

// The operation a node performs, for a node whose whole text is too long to be its label.
template <class Node> struct dot_operation {
    static void append(std::string& out) { out += '?'; }  // leaves are labelled by their text
};
template <class... Ts> struct dot_operation<sum_of<Ts...>> {
    static void append(std::string& out) { out += '+'; }
};
template <class... Fs> struct dot_operation<product_of<Fs...>> {
    static void append(std::string& out) { out += any_of({is_denominator<Fs>...}) ? '/' : '*'; }
};
template <class B, rational R> struct dot_operation<power<B, constant<R>>> {
    static void append(std::string& out) {
        out += '^';
        if (R.den != 1) out += '(';
        append_integer(out, R.num);
        if (R.den != 1) {
            out += '/';
            append_integer(out, R.den);
            out += ')';
        }
    }
};
template <class B, class E> struct dot_operation<power<B, E>> {
    static void append(std::string& out) { out += '^'; }
};
template <class Rule, class... Args> struct dot_operation<call<Rule, Args...>> {
    static void append(std::string& out) { out += Rule::name; }
};

template <bool Value> struct dot_operation<truth<Value>> {
    static void append(std::string& out) { out += Value ? "true" : "false"; }
};
template <class A, class B> struct dot_operation<less_than<A, B>> {
    static void append(std::string& out) { out += '<'; }
};
template <class A, class B> struct dot_operation<less_or_equal<A, B>> {
    static void append(std::string& out) { out += "<="; }
};
template <class C> struct dot_operation<not_of<C>> {
    static void append(std::string& out) { out += '!'; }
};
template <class... Cs> struct dot_operation<and_of<Cs...>> {
    static void append(std::string& out) { out += "&&"; }
};
template <class... Cs> struct dot_operation<or_of<Cs...>> {
    static void append(std::string& out) { out += "||"; }
};
template <class C, class A, class B> struct dot_operation<select_of<C, A, B>> {
    static void append(std::string& out) { out += "select"; }
};

// Conditions pass no derivative on (0 where it is defined): drawn grey, like constants, and
// the edge from a select's condition dashed.
template <class Nodes, class List = typename Nodes::list> struct condition_slots;
template <class Nodes, class... Ns> struct condition_slots<Nodes, type_list<Ns...>>
    : constant_value<std::array<bool, sizeof...(Ns)>{std::is_base_of_v<condition_tag, Ns>...}> {};
template <class Nodes, class Wrt> constexpr bool drawn_active(std::size_t slot) {
    return activity<Nodes, Wrt>::active[slot] && !condition_slots<Nodes>::value[slot];
}

template <class T> void append_dot_number(std::string& out, T value) {
    char buffer[64];
    auto end = std::to_chars(buffer, buffer + sizeof buffer, value, std::chars_format::general, 4).ptr;
    out.append(buffer, end);
}

// Text inside a double-quoted Graphviz string.
inline void append_dot_escaped(std::string& out, std::string_view text) {
    for (char c : text) {
        if (c == '"' || c == '\\') out += '\\';
        out += c;
    }
}

inline constexpr std::size_t dot_text_width = 32;  // longer subexpressions are labelled by their operation

template <class Node, std::size_t I, class Nodes, class Wrt, class T, std::size_t K, class Number, std::size_t N>
void append_dot_node(std::string& out, std::array<Number, N> const& numbers, std::array<T, K> const& value,
                     std::array<T, K> const& adjoint) {
    constexpr bool leaf = children<Node>::type::size == 0;
    constexpr bool swept = drawn_active<Nodes, Wrt>(I);
    std::string text;
    print<text_style, Node>(text, numbers, precedence::disjunction);
    std::string label;  // Graphviz text: escaped, lines separated by \n
    if (leaf || text.size() <= dot_text_width) append_dot_escaped(label, text);
    else dot_operation<Node>::append(label);
    if (!leaf || swept) {  // a constant leaf's text is its value
        label += "\\nvalue = ";
        append_dot_number(label, value[I]);
    }
    if (swept) {
        label += "\\ngrad = ";
        append_dot_number(label, adjoint[I]);
    }

    out += "  n";
    append_integer(out, static_cast<std::intmax_t>(I));
    out += " [label=\"";
    out += label;
    out += "\", tooltip=\"";
    append_dot_escaped(out, text);
    out += '"';
    if (!swept) out += ", color=gray55, fontcolor=gray35";
    if (I + 1 == K) out += ", penwidth=2";
    if (leaf && swept) out += ", shape=ellipse";
    out += "];\n";

    // Edges from each distinct operand. The local derivatives are the sweep's own: the node's
    // reverse step run once with its adjoint set to 1 leaves d node / d operand on each operand.
    std::array<T, K> local{};
    if constexpr (swept && !leaf) {
        local[I] = T(1);
        node_adjoint<shape_of_t<Node>>::template push<plan_of<single_step<Nodes, Wrt>, Node, I>::value>(value, local);
    }
    auto const& links = graph_links<Nodes>::value;
    for (std::size_t p = links.begin[I]; p < links.begin[I + 1]; ++p) {
        std::size_t const operand = links.operand[p];
        bool repeated = false;
        for (std::size_t q = links.begin[I]; q < p; ++q) repeated = repeated || links.operand[q] == operand;
        if (repeated) continue;
        out += "  n";
        append_integer(out, static_cast<std::intmax_t>(operand));
        out += " -> n";
        append_integer(out, static_cast<std::intmax_t>(I));
        if (swept && drawn_active<Nodes, Wrt>(operand)) {
            out += " [label=\"";
            append_dot_number(out, local[operand]);
            out += "\"];\n";
        } else {
            out += " [style=dashed, color=gray55];\n";
        }
    }
}

}  // namespace detail

/// The computational graph of e at a point, as Graphviz text: one node per distinct
/// subexpression with its value and grad = d e / d node (one reverse sweep), each edge labelled
/// with the local derivative d node / d operand.      to_dot(square(w * x + b), w = 2.0, x = 3.0, b = 1.0)
/// Render with: dot -Tpng graph.dot -o graph.png
template <Expression E, class... Bindings> std::string to_dot(E const& e, Bindings const&... bindings) {
    using tree = typename detail::tree_of<E>::type;
    using nodes = detail::graph_nodes<tree>;
    using variables = typename detail::variables_in<nodes>::type;
    using T =
        detail::widened_by_t<typename detail::evaluation_type<variables, Bindings...>::type, detail::number_type_t<E>>;
    static_assert(std::is_floating_point_v<T>,
                  "leibniz::to_dot(e, x = ...): the graph is drawn with real numbers; bind the variables to "
                  "float, double or long double values");
    constexpr std::size_t root = nodes::size - 1;

    auto const numbers = detail::numbers_of(e);
    auto const value = detail::forward_values<nodes, T>(numbers, bindings...);
    auto const adjoint = detail::adjoints<nodes, variables, root>(value);

    std::string out =
        "digraph leibniz {\n"
        "  rankdir=LR;\n"
        "  node [shape=box, fontname=\"Helvetica\", fontsize=11];\n"
        "  edge [fontname=\"Helvetica\", fontsize=10, fontcolor=\"#b03000\"];\n"
        "  labelloc=b; fontname=\"Helvetica\"; fontsize=10;\n"
        "  label=\"value: forward pass.   grad: d(output)/d(node), reverse pass.   "
        "edge: local derivative d(node)/d(operand); grad(operand) = sum over its edges of grad(node) * edge\";\n";
    [&]<class... Ns, std::size_t... I>(detail::type_list<Ns...>, std::index_sequence<I...>) {
        // a braced list, not a fold: graphs may have more than 256 nodes
        [[maybe_unused]] int in_order[] = {
            0, (detail::append_dot_node<Ns, I, nodes, variables>(out, numbers, value, adjoint), 0)...};
    }(typename nodes::list{}, std::make_index_sequence<nodes::size>{});
    out += "}\n";
    return out;
}

}  // namespace leibniz
