#pragma once
// The reverse sweep, laid out at compile time. Over the graph's nodes (graph.hpp) and their
// forward values (evaluate.hpp), an adjoint array indexed like the nodes is seeded with 1 at
// the root; then each node, in reverse topological order, adds its adjoint times its local
// derivatives (read from the rule table) to its operands' adjoints. Which nodes take part is
// decided at compile time: a node is swept when it depends on a variable being
// differentiated by ("active") and the root depends on it; an operand is pushed to only when
// active. The sweep is one fold expression: straight-line code, no tape, no allocation.
#include <array>
#include <cstddef>
#include <utility>

// functions.hpp first: evaluate.hpp alone does not compile with Clang 14 (NOTES-core-bugs.md)
#include "../functions.hpp"
#include "../evaluate.hpp"
#include "../expression.hpp"
#include "../power.hpp"
#include "../rules.hpp"
#include "graph.hpp"
#include "type_list.hpp"

namespace leibniz::detail {

// ---- the graph as a table of operand slots ----------------------------------------------

template <class Node, class Nodes, class Operands = typename operands<Node>::type> struct operand_slots;
template <class Node, class Nodes, class... Os> struct operand_slots<Node, Nodes, type_list<Os...>> {
    static constexpr std::array<std::size_t, sizeof...(Os)> value{slot_of<Os, Nodes>...};
};

template <std::size_t Size, std::size_t Links> struct link_table {
    std::size_t begin[Size + 1]{};  // node i reads operand[begin[i]] ... operand[begin[i + 1] - 1]
    std::size_t operand[Links + 1]{};
};

template <std::size_t Links, std::size_t Size, std::size_t N>
constexpr void append_links(link_table<Size, Links>& table, std::size_t& at, std::array<std::size_t, N> const& slots) {
    for (std::size_t s : slots) table.operand[at++] = s;
}

/// For each node of Nodes, the slots of the operands its evaluation reads.
template <class Nodes> struct graph_links;
template <class... Ns> struct graph_links<type_list<Ns...>> {
    static constexpr std::size_t size = sizeof...(Ns);
    static constexpr std::size_t links = [] {  // a loop, not a fold: graphs have more than 256 nodes
        std::size_t const counts[] = {operands<Ns>::type::size..., 0};
        std::size_t total = 0;
        for (std::size_t c : counts) total += c;
        return total;
    }();
    static constexpr link_table<size, links> value = [] {
        link_table<size, links> table{};
        std::size_t at = 0, node = 0;
        [[maybe_unused]] int in_order[] = {
            0, (table.begin[node++] = at, append_links(table, at, operand_slots<Ns, type_list<Ns...>>::value), 0)...};
        table.begin[size] = at;
        return table;
    }();
};

/// Which nodes depend on a variable of Wrt (the only ones with a non-zero derivative), and
/// where each variable of Wrt sits among the nodes (Nodes::size when f does not use it).
template <class Nodes, class Wrt> struct activity;
template <class... Ns, class... Ws> struct activity<type_list<Ns...>, type_list<Ws...>> {
    static constexpr std::size_t size = sizeof...(Ns);
    static constexpr std::array<std::size_t, sizeof...(Ws)> wrt_slot{index_of<Ws, Ns...>()...};
    static constexpr std::array<bool, size> active = [] {
        std::array<bool, size> is_active{};
        for (std::size_t w : wrt_slot)
            if (w < size) is_active[w] = true;
        auto const& table = graph_links<type_list<Ns...>>::value;
        for (std::size_t i = 0; i < size; ++i)
            for (std::size_t p = table.begin[i]; p < table.begin[i + 1]; ++p)
                if (is_active[table.operand[p]]) is_active[i] = true;
        return is_active;
    }();
};

template <class Node, class Nodes, class Wrt>
inline constexpr bool is_active = activity<Nodes, Wrt>::active[slot_of<Node, Nodes>];

/// The nodes the sweep from Root visits: active ones that Root depends on.
template <class Nodes, class Wrt, std::size_t Root> inline constexpr std::array<bool, Nodes::size> swept = [] {
    auto const& active = activity<Nodes, Wrt>::active;
    auto const& table = graph_links<Nodes>::value;
    std::array<bool, Nodes::size> visit{};
    visit[Root] = active[Root];
    for (std::size_t i = Root + 1; i-- > 0;)
        if (visit[i])
            for (std::size_t p = table.begin[i]; p < table.begin[i + 1]; ++p)
                if (active[table.operand[p]]) visit[table.operand[p]] = true;
    return visit;
}();

// ---- one node's reverse step: adjoint[operand] += adjoint[node] * d node / d operand -------

template <class Node> struct node_adjoint {  // leaves: nothing to pass on
    template <class Nodes, class Wrt, class T, std::size_t K>
    static constexpr void push(std::array<T, K> const&, std::array<T, K>&, std::size_t) {}
};

// d(t1 + t2 + ...)/dti = 1
template <class... Ts> struct node_adjoint<sum_of<Ts...>> {
    template <class Nodes, class Wrt, class T, std::size_t K>
    static constexpr void push(std::array<T, K> const&, std::array<T, K>& adjoint, std::size_t self) {
        [[maybe_unused]] int in_order[] = {
            0, (is_active<Ts, Nodes, Wrt> ? void(adjoint[slot_of<Ts, Nodes>] += adjoint[self]) : void(), 0)...};
    }
};

template <class F> inline constexpr rational denominator_exponent = {0, 1};
template <class B, rational R> requires(R.num < 0) inline constexpr rational denominator_exponent<power<B, constant<R>>> = -R;

// y = u1 u2 ... um / (b1^n1 ... bk^nk), evaluated so (node_value reads the bases b directly):
//   dy/dui = (the other u's) / (b1^n1 ... bk^nk), by prefix products and a suffix carried
//            backwards, so that no factor is divided out: exact when a factor is zero;
//   dy/dbj = -nj y / bj.
template <class... Fs> struct node_adjoint<product_of<Fs...>> {
    static constexpr std::size_t count = sizeof...(Fs);
    struct split {
        std::size_t numerators = 0, denominators = 0;
        std::size_t numerator[count]{}, denominator[count]{};  // positions among the factors
    };
    static constexpr split factors = [] {
        bool const in_denominator[] = {is_denominator<Fs>...};
        split s{};
        for (std::size_t f = 0; f < count; ++f) {
            if (in_denominator[f]) s.denominator[s.denominators++] = f;
            else s.numerator[s.numerators++] = f;
        }
        return s;
    }();
    static constexpr rational exponent[count] = {denominator_exponent<Fs>...};

    template <class Nodes> static constexpr std::array<std::size_t, count> slot{
        slot_of<typename operand_of_factor<Fs>::type, Nodes>...};

    template <class Nodes, class Wrt, class T, std::size_t K>
    static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint, std::size_t self) {
        auto const& active = activity<Nodes, Wrt>::active;
        constexpr auto const& at = slot<Nodes>;
        T scaled = adjoint[self];  // becomes adjoint / (b1^n1 ... bk^nk)
        if constexpr (factors.denominators > 0) {
            [&]<std::size_t... J>(std::index_sequence<J...>) {
                T denominator = T(1);
                [[maybe_unused]] int multiplied[] = {
                    0, (denominator = denominator * rational_power<exponent[factors.denominator[J]]>(
                                                        value[at[factors.denominator[J]]]),
                        0)...};
                scaled = scaled / denominator;
                [[maybe_unused]] int pushed[] = {
                    0, (active[at[factors.denominator[J]]]
                            ? void(adjoint[at[factors.denominator[J]]] +=
                                   adjoint[self] * (-exponent[factors.denominator[J]]).template as<T>() * value[self] /
                                   value[at[factors.denominator[J]]])
                            : void(),
                        0)...};
            }(std::make_index_sequence<factors.denominators>{});
        }
        if constexpr (factors.numerators > 0) {
            [&]<std::size_t... J>(std::index_sequence<J...>) {
                constexpr std::size_t m = sizeof...(J);
                std::array<T, m> before{};  // before[j] = u1 ... u(j-1)
                T running = T(1);
                // braced lists, not folds: they run in order and do not nest (Clang stops at 256)
                [[maybe_unused]] int forwards[] = {
                    0, (before[J] = running, running = running * value[at[factors.numerator[J]]], 0)...};
                T after = scaled;  // adjoint / denominator * u(j+1) ... um, walking j down
                [[maybe_unused]] int backwards[] = {
                    0, (active[at[factors.numerator[m - 1 - J]]]
                            ? void(adjoint[at[factors.numerator[m - 1 - J]]] += before[m - 1 - J] * after)
                            : void(),
                        after = after * value[at[factors.numerator[m - 1 - J]]], 0)...};
            }(std::make_index_sequence<factors.numerators>{});
        }
    }
};

// d(b^R)/db = R b^(R-1), exact and fast for a rational R (the pow rule's base partial)
template <class B, rational R> struct node_adjoint<power<B, constant<R>>> {
    template <class Nodes, class Wrt, class T, std::size_t K>
    static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint, std::size_t self) {
        constexpr std::size_t b = slot_of<B, Nodes>;
        adjoint[b] += adjoint[self] * static_cast<T>(rules::pow_fn::base_partial(value[b], constant<R>{}));
    }
};

// b^e with an expression exponent: the pow rule's partials (log b only when e is active)
template <class B, class E> struct node_adjoint<power<B, E>> {
    template <class Nodes, class Wrt, class T, std::size_t K>
    static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint, std::size_t self) {
        constexpr std::size_t b = slot_of<B, Nodes>, e = slot_of<E, Nodes>;
        if constexpr (!is_active<E, Nodes, Wrt>) {
            adjoint[b] += adjoint[self] * static_cast<T>(rules::pow_fn::base_partial(value[b], value[e]));
        } else {
            auto const [d_base, d_exponent] = rules::pow_fn::partials(value[b], value[e], value[self]);
            if constexpr (is_active<B, Nodes, Wrt>) adjoint[b] += adjoint[self] * static_cast<T>(d_base);
            adjoint[e] += adjoint[self] * static_cast<T>(d_exponent);
        }
    }
};

// f(a): f'(a), the rule's derivative given a and the value y = f(a)
template <class Rule, class A> struct node_adjoint<call<Rule, A>> {
    template <class Nodes, class Wrt, class T, std::size_t K>
    static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint, std::size_t self) {
        constexpr std::size_t a = slot_of<A, Nodes>;
        adjoint[a] += adjoint[self] * static_cast<T>(Rule::derivative(value[a], value[self]));
    }
};

// f(a, b): the rule's partials
template <class Rule, class A, class B> struct node_adjoint<call<Rule, A, B>> {
    template <class Nodes, class Wrt, class T, std::size_t K>
    static constexpr void push(std::array<T, K> const& value, std::array<T, K>& adjoint, std::size_t self) {
        constexpr std::size_t a = slot_of<A, Nodes>, b = slot_of<B, Nodes>;
        auto const [d_a, d_b] = Rule::partials(value[a], value[b], value[self]);
        if constexpr (is_active<A, Nodes, Wrt>) adjoint[a] += adjoint[self] * static_cast<T>(d_a);
        if constexpr (is_active<B, Nodes, Wrt>) adjoint[b] += adjoint[self] * static_cast<T>(d_b);
    }
};

// Instantiates a node's push only where the sweep visits it.
template <bool Visited, class Node> struct reverse_step {
    template <class Nodes, class Wrt, class T, std::size_t K>
    static constexpr void run(std::array<T, K> const&, std::array<T, K>&, std::size_t) {}
};
template <class Node> struct reverse_step<true, Node> {
    template <class Nodes, class Wrt, class T, std::size_t K>
    static constexpr void run(std::array<T, K> const& value, std::array<T, K>& adjoint, std::size_t self) {
        node_adjoint<Node>::template push<Nodes, Wrt>(value, adjoint, self);
    }
};

/// The adjoint of every node, d root / d node, from the forward values of Nodes.
template <class Nodes, class Wrt, std::size_t Root, class T, std::size_t K>
constexpr std::array<T, K> adjoints(std::array<T, K> const& value) {
    std::array<T, K> adjoint{};
    adjoint[Root] = T(1);
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        // The nodes in reverse topological order, as a braced list (it runs in order and, unlike
        // a fold, does not nest: Clang limits nesting to 256).
        [[maybe_unused]] int in_order[] = {
            0, (reverse_step<swept<Nodes, Wrt, Root>[Root - I], at_t<Root - I, Nodes>>::template run<Nodes, Wrt>(
                    value, adjoint, Root - I),
                0)...};
    }(std::make_index_sequence<Root + 1>{});
    return adjoint;
}

template <std::size_t At, class T, std::size_t K> constexpr T adjoint_at(std::array<T, K> const& adjoint) {
    if constexpr (At < K) return adjoint[At];
    else return T(0);  // a variable the graph does not contain
}

/// d root / d w for each variable w of Wrt (0 for a variable the root does not use).
template <class Nodes, class Wrt, std::size_t Root, class T, std::size_t K>
constexpr std::array<T, Wrt::size> gradient_at(std::array<T, K> const& value) {
    std::array<T, K> const adjoint = adjoints<Nodes, Wrt, Root>(value);
    return [&]<std::size_t... W>(std::index_sequence<W...>) {
        return std::array<T, Wrt::size>{adjoint_at<activity<Nodes, Wrt>::wrt_slot[W]>(adjoint)...};
    }(std::make_index_sequence<Wrt::size>{});
}

}  // namespace leibniz::detail
