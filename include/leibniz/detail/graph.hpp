#pragma once
// The computational graph of an expression: its distinct subexpressions in topological order
// (operands before the nodes that use them). A subexpression written twice is one node, so
// evaluation computes it once and the reverse sweep sums its adjoint over every path.
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

#include "../expression.hpp"
#include "canonical.hpp"
#include "node_hash.hpp"
#include "trie.hpp"
#include "type_list.hpp"

namespace leibniz::detail {

// The operands a node's evaluation reads. A product reads the whole power b^n of a
// denominator factor b^-n (b itself when n = 1), so x * y^-2 is computed as x / (y^2) and
// r * s^(-1/2) as r / sqrt(s): b^n is an operand, a node of the graph like any other, shared
// with every other use of it, and computed before the product (the graph's order is its
// operands' order; a product that read b^n without it being an operand once divided by a
// slot not yet written). A power with a rational exponent reads only its base, the exponent
// being compiled into the code.
template <class T> struct operands : children<T> {};
template <class F> inline constexpr bool is_denominator = false;
template <class B, rational R> inline constexpr bool is_denominator<power<B, constant<R>>> = R.num < 0;
template <class F> struct operand_of_factor { using type = F; };
template <class B, rational R>
requires(R.num < 0) struct operand_of_factor<power<B, constant<R>>> {
    using type = std::conditional_t<R == rational{-1, 1}, B, power<B, constant<-R>>>;
};
template <class... Fs> struct operands<product_of<Fs...>> {
    using type = type_list<typename operand_of_factor<Fs>::type...>;
};
template <class B, rational R> struct operands<power<B, constant<R>>> { using type = type_list<B>; };

// A depth-first walk from the root that threads the graph built so far: each node is visited
// once, however many times it is used. The graph so far is two persistent tries (trie.hpp):
// the nodes seen, filed by hash with their slots, and the nodes in order, filed by slot. Each
// step of the walk costs a constant number of small instantiations, so building a graph costs
// time linear in its edges (a list of the nodes seen, searched at every step and copied at
// every insertion, cost quadratic time: 5 of 10 s of a 512-term sum's gradient with Clang 14).
//
// Facts about the whole graph are classes deriving from std::integral_constant or
// constant_value, not variable templates or static members (type_list.hpp's constant_value
// says why: names that spell the whole graph, once per node).

/// The node T at slot I of a graph: what the trie of nodes seen holds under T's hash.
template <class T, std::size_t I> struct slot_entry {};

inline constexpr std::size_t no_slot = static_cast<std::size_t>(-1);

/// slot_in_leaf<T, Leaf>::value: the slot of T among a leaf's entries, or no_slot.
template <class T, class Leaf> struct slot_in_leaf : std::integral_constant<std::size_t, no_slot> {};
// (a function, not a lambda: GCC processes the body of every lambda of a template argument as a
// function of the program, one per lookup)
constexpr std::size_t slot_at(std::size_t position, std::initializer_list<std::size_t> slots) {
    return position < slots.size() ? slots.begin()[position] : no_slot;
}
template <class T, class... Ts, std::size_t... I> struct slot_in_leaf<T, trie_leaf<slot_entry<Ts, I>...>>
    : std::integral_constant<std::size_t, slot_at(first_true({__is_same(T, Ts)...}), {I...})> {};

/// A graph under construction: Seen files each node by its hash, Order by its slot. Its size
/// is a member of a base named after the number alone (trie.hpp: GCC names every static data
/// member after its class, here the tries).
template <std::size_t Size> struct sized { static constexpr std::size_t size = Size; };
template <class Seen, class Order, std::size_t Size> struct graph_state : sized<Size> {
    using seen = Seen;
    using order = Order;
};

/// slot_in<T, Seen>::value: T's slot, or no_slot when T has not been seen.
template <class T, class Seen> struct slot_in
    : slot_in_leaf<T, typename trie_leaf_at<Seen, node_hash<T>::value>::type> {};

// visit<T, State>::type: State with T and its operands; visit_step does the step, by whether T
// has been seen. With Clang, visit is visit_step itself: each derivation is a level of nested
// instantiation, and a chain of 256 calls (bench/compile_time.py) exceeded Clang 14's limit of
// 1,024 at three levels per call. With GCC, visit is a class of its own deriving from the step:
// named by T and State alone, it costs GCC 12 less than half as much as the step named with its
// default argument (d of a product of 48 variables, 48 graphs of about 100 nodes, g++ -O2:
// 21 s and 1.0 GB against 47 s and 2.4 GB; Clang 14: 9.1 against 10.4 s, the same memory).
template <class T, class State, bool Seen = slot_in<T, typename State::seen>::value != no_slot> struct visit_step {
    using type = State;
};
#if defined(__clang__)
template <class T, class State> using visit = visit_step<T, State>;
#else
template <class T, class State> struct visit : visit_step<T, State> {};
#endif
template <class T, class State> using visit_t = typename visit<T, State>::type;

// The operands in turn, sixteen per step, so that a sum of 1,000 terms nests 64 steps deep and
// not 1,000 (GCC stops at 900).
template <class State, class Operands> struct visit_each;
template <class State> struct visit_each<State, type_list<>> { using type = State; };
template <class State, class O, class... Os> struct visit_each<State, type_list<O, Os...>>
    : visit_each<visit_t<O, State>, type_list<Os...>> {};
template <class S, class O0, class O1, class O2, class O3, class O4, class O5, class O6, class O7, class O8, class O9,
          class O10, class O11, class O12, class O13, class O14, class O15, class... Os>
struct visit_each<S, type_list<O0, O1, O2, O3, O4, O5, O6, O7, O8, O9, O10, O11, O12, O13, O14, O15, Os...>>
    : visit_each<
          visit_t<
              O15,
              visit_t<
                  O14,
                  visit_t<
                      O13,
                      visit_t<
                          O12,
                          visit_t<
                              O11,
                              visit_t<
                                  O10,
                                  visit_t<
                                      O9,
                                      visit_t<
                                          O8,
                                          visit_t<
                                              O7,
                                              visit_t<
                                                  O6,
                                                  visit_t<
                                                      O5,
                                                      visit_t<
                                                          O4,
                                                          visit_t<O3,
                                                                  visit_t<O2, visit_t<O1, visit_t<O0, S>>>>>>>>>>>>>>>>,
          type_list<Os...>> {};

template <class T, class State> struct visit_step<T, State, false> {
    using after = typename visit_each<State, typename operands<T>::type>::type;  // operands first
    static_assert(after::size < trie_capacity,
                  "leibniz: an expression has more than 32,768 distinct subexpressions, more than its graph holds");
    using type =
        graph_state<typename trie_insert<typename after::seen, node_hash<T>::value, slot_entry<T, after::size>>::type,
                    typename trie_insert<typename after::order, after::size, T>::type, after::size + 1>;
};

using empty_graph = graph_state<trie_empty, trie_empty, 0>;

/// The graph of the trees Roots, walked from each root in turn (a node they share is one node):
/// its nodes in order (operands first) and the tries to find them by. The class is named after
/// the roots alone, not after its tries: functions that receive a graph are named after it, and
/// GCC's mangler, which searches its table of substitutions linearly, spent 7 of 16 s of a
/// 256-term sum's gradient naming functions after the tries.
template <class... Roots> struct graph_of_roots {
    using state = typename visit_each<empty_graph, type_list<Roots...>>::type;
    static constexpr std::size_t size = state::size;
    using seen = typename state::seen;
    using order = typename state::order;
    using list = typename trie_entries<order>::type;
};
template <class... Roots> using graph_of = graph_of_roots<Roots...>;

/// Distinct subexpressions of T, operands first, T last.
template <class T> using graph_nodes = graph_of<T>;

/// node_at<I, Nodes>: the node at slot I.
template <std::size_t I, class Nodes> struct node_at_leaf;
template <std::size_t I, class T> struct node_at_leaf<I, trie_leaf<T>> { using type = T; };
template <std::size_t I, class Nodes> using node_at =
    typename node_at_leaf<I, typename trie_leaf_at<typename Nodes::order, I>::type>::type;

/// slot_if_present<T, Nodes>::value: T's position, or Nodes::size when T is not a node.
template <class T, class Nodes> struct slot_if_present
    : std::integral_constant<std::size_t, slot_in<T, typename Nodes::seen>::value == no_slot
                                              ? Nodes::size
                                              : slot_in<T, typename Nodes::seen>::value> {};

/// slot_of<T, Nodes>::value: T's position among the nodes (T is one of them).
template <class T, class Nodes> struct slot_of : slot_in<T, typename Nodes::seen> {
    static_assert(slot_in<T, typename Nodes::seen>::value != no_slot,
                  "leibniz internal: a node's operand is not in its graph");
};

// ---- where a node reads its operands ------------------------------------------------------

/// A node's operands as slots of the graph, in operands<Node>'s order (a sum's terms, a
/// product's factors, with b^n for a denominator b^-n, a call's arguments, a power's base): the
/// one table that evaluation, the sweep's links and its pushes all read. Every slot is smaller
/// than the node's own (graph_nodes puts operands first), so evaluation never reads a slot
/// before it is written; tests/random_expressions.hpp checks it on every random expression.
/// Passed as a value rather than as the graph's list of types (type_list.hpp's constant_value:
/// with the graph in every node's function, GCC spent 30 of 56 s of tests/wide_sum.cpp naming them).
template <std::size_t K> struct operand_reads {
    std::size_t operand[K + 1];  // + 1: leaves have no operands, and an array cannot be empty
};

/// reads_of<Node, Nodes>::value: Node's operand_reads in the graph Nodes, computed in a
/// base-class argument, so that nothing is named after the graph (type_list.hpp, constant_value).
template <class Node, class Nodes, class Operands = typename operands<Node>::type> struct reads_of;
template <class Node, class Nodes, class... Os> struct reads_of<Node, Nodes, type_list<Os...>>
    : constant_value<operand_reads<sizeof...(Os)>{{slot_of<Os, Nodes>::value..., 0}}> {};

/// Whether every node of Nodes reads only slots written before its own (true by construction;
/// the check guards the construction).
template <class Nodes, class List = typename Nodes::list> struct reads_precede_writes;
template <class Nodes, class... Ns> struct reads_precede_writes<Nodes, type_list<Ns...>> {
    template <std::size_t K> static constexpr bool before(operand_reads<K> const& reads, std::size_t self) {
        for (std::size_t k = 0; k < K; ++k)
            if (reads.operand[k] >= self) return false;
        return true;
    }
    static constexpr bool value = []() consteval {
        std::size_t self = 0;
        return all_of({before(reads_of<Ns, Nodes>::value, self++)...});
    }
    ();
};

}  // namespace leibniz::detail
