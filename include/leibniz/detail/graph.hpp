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

// The operands a node's evaluation reads. A product reads the base of a denominator factor
// b^-n directly, so x * y^-1 is computed as x / y; a power with a rational exponent reads
// only its base, the exponent being compiled into the code.
template <class T> struct operands : children<T> {};
template <class F> struct operand_of_factor { using type = F; };
template <class B, rational R> requires(R.num < 0) struct operand_of_factor<power<B, constant<R>>> { using type = B; };
template <class... Fs> struct operands<product_of<Fs...>> {
    using type = type_list<typename operand_of_factor<Fs>::type...>;
};
template <class B, rational R> struct operands<power<B, constant<R>>> { using type = type_list<B>; };

// First occurrences only, order kept.
template <std::size_t N> struct kept_positions {
    std::size_t count = 0;
    std::size_t at[N + 1]{};
};
template <class... U> constexpr kept_positions<sizeof...(U)> first_occurrences() {
    kept_positions<sizeof...(U)> k{};
    std::size_t firsts[] = {index_of<U, U...>()..., 0};
    for (std::size_t i = 0; i < sizeof...(U); ++i)
        if (firsts[i] == i) k.at[k.count++] = i;
    return k;
}
template <class... U> constexpr auto first_occurrences_of(type_list<U...>) { return first_occurrences<U...>(); }
template <class List, auto Kept = first_occurrences_of(List{})> struct unique;
template <class... U, auto Kept> struct unique<type_list<U...>, Kept> {
    template <std::size_t... I> static auto pick(std::index_sequence<I...>) -> type_list<at_t<Kept.at[I], type_list<U...>>...>;
    using type = decltype(pick(std::make_index_sequence<Kept.count>{}));
};

template <class T, class Operands = typename operands<T>::type> struct graph;
template <class T, class... Os> struct graph<T, type_list<Os...>> {
    using nodes = typename unique<concat_t<typename graph<Os>::nodes..., type_list<T>>>::type;
};
template <class T> struct graph<T, type_list<>> {
    using nodes = type_list<T>;
};

/// Distinct subexpressions of T, operands first, T last.
template <class T> using graph_nodes = typename graph<T>::nodes;

template <class T, class Nodes> inline constexpr std::size_t slot_of = index_in<T, Nodes>::value;

}  // namespace leibniz::detail
