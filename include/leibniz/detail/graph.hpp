#pragma once
// The computational graph of an expression: its distinct subexpressions in topological order
// (operands before the nodes that use them). A subexpression written twice is one node, so
// evaluation computes it once and the reverse sweep sums its adjoint over every path.
#include <cstddef>
#include <type_traits>
#include <utility>

#include "../expression.hpp"
#include "canonical.hpp"
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
template <class B, rational R> requires(R.num < 0) struct operand_of_factor<power<B, constant<R>>> {
    using type = std::conditional_t<R == rational{-1, 1}, B, power<B, constant<-R>>>;
};
template <class... Fs> struct operands<product_of<Fs...>> {
    using type = type_list<typename operand_of_factor<Fs>::type...>;
};
template <class B, rational R> struct operands<power<B, constant<R>>> { using type = type_list<B>; };

// A depth-first walk from the root that threads the list of nodes seen so far: each node is
// visited once, however many times it is used, so building the graph costs one step per edge
// (a list per subexpression, deduplicated at every level, cost cubic time in a chain's depth).
//
// Facts about the whole graph are classes deriving from std::integral_constant, not variable
// templates or static members: GCC gives each instance of a variable a symbol whose mangled
// name spells the whole list of nodes, and building those names took most of the compile time
// of a 256-term sum (tests/wide_sum.cpp); integral_constant<bool, true>::value is one symbol.
template <class T, class Seen> struct seen_before : std::false_type {};
template <class T, class... Ts> struct seen_before<T, type_list<Ts...>> : std::bool_constant<any_of({__is_same(T, Ts)...})> {};

template <class T, class Seen, bool = seen_before<T, Seen>::value> struct visit { using type = Seen; };
template <class Seen, class Operands> struct visit_each;
template <class Seen> struct visit_each<Seen, type_list<>> { using type = Seen; };
template <class Seen, class O, class... Os> struct visit_each<Seen, type_list<O, Os...>>
    : visit_each<typename visit<O, Seen>::type, type_list<Os...>> {};
template <class T, class... Ts> struct visit<T, type_list<Ts...>, false> {
    template <class L> struct append;
    template <class... Us> struct append<type_list<Us...>> { using type = type_list<Us..., T>; };
    using type = typename append<typename visit_each<type_list<Ts...>, typename operands<T>::type>::type>::type;
};

/// Distinct subexpressions of T, operands first, T last.
template <class T> using graph_nodes = typename visit<T, type_list<>>::type;

// A node's position in the list, found by overload resolution against one class per list.
template <class T, std::size_t I> struct slot_tag {};
template <class Seq, class List> struct slot_map;
template <std::size_t... I, class... Ts> struct slot_map<std::index_sequence<I...>, type_list<Ts...>> : slot_tag<Ts, I>... {};
template <class T, std::size_t I> constexpr std::size_t slot_lookup(slot_tag<T, I> const*) { return I; }

/// slot_of<T, Nodes>::value: T's position among the nodes.
template <class T, class Nodes>
struct slot_of : std::integral_constant<std::size_t, slot_lookup<T>(
                                                         static_cast<slot_map<std::make_index_sequence<Nodes::size>, Nodes> const*>(nullptr))> {};

/// slot_if_present<T, Nodes>::value: T's position, or Nodes::size when T is not a node.
template <class T, class Nodes> struct slot_if_present : std::integral_constant<std::size_t, Nodes::size> {};
template <class T, class Nodes>
    requires requires { slot_lookup<T>(static_cast<slot_map<std::make_index_sequence<Nodes::size>, Nodes> const*>(nullptr)); }
struct slot_if_present<T, Nodes> : slot_of<T, Nodes> {};

// ---- where a node reads its operands ------------------------------------------------------

/// A node's operands as slots of the graph, in operands<Node>'s order (a sum's terms, a
/// product's factors, with b^n for a denominator b^-n, a call's arguments, a power's base): the
/// one table that evaluation, the sweep's links and its pushes all read. Every slot is smaller
/// than the node's own (graph_nodes puts operands first), so evaluation never reads a slot
/// before it is written; tests/random_expressions.hpp checks it on every random expression.
/// Passed as a value rather than as the graph's list of types: a function's mangled name spells
/// its template arguments, and with the whole graph in every node's function GCC spent most of
/// a 256-term sum's compile time building names (30 of 56 s of tests/wide_sum.cpp, in
/// symbol_table::finalize_compilation_unit -> mangle_decl).
template <std::size_t K> struct operand_reads {
    std::size_t operand[K + 1];  // + 1: leaves have no operands, and an array cannot be empty
};

/// reads_of<Node, Nodes>::value: Node's operand_reads in the graph Nodes, computed in a
/// base-class argument, so that nothing is named after the graph (type_list.hpp, constant_value).
template <class Node, class Nodes, class Operands = typename operands<Node>::type> struct reads_of;
template <class Node, class Nodes, class... Os>
struct reads_of<Node, Nodes, type_list<Os...>> : constant_value<operand_reads<sizeof...(Os)>{{slot_of<Os, Nodes>::value..., 0}}> {};

/// Whether every node of Nodes reads only slots written before its own (true by construction;
/// the check guards the construction).
template <class Nodes> struct reads_precede_writes;
template <class... Ns> struct reads_precede_writes<type_list<Ns...>> {
    template <std::size_t K> static constexpr bool before(operand_reads<K> const& reads, std::size_t self) {
        for (std::size_t k = 0; k < K; ++k)
            if (reads.operand[k] >= self) return false;
        return true;
    }
    static constexpr bool value = [] {
        std::size_t self = 0;
        return all_of({before(reads_of<Ns, type_list<Ns...>>::value, self++)...});
    }();
};

}  // namespace leibniz::detail
