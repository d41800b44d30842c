#pragma once
// Minimal type lists. The canonicalizer does its thinking in constexpr functions over
// arrays of keys; these helpers only move types in and out, so they stay shallow:
// pack expansion instead of recursion, overload resolution instead of nested templates.
#include <cstddef>
#include <initializer_list>
#include <type_traits>
#include <utility>

namespace leibniz::detail {

// The size is a member of a base named after it alone: a static member of type_list<Ts...>
// would be a variable named after every type of the list, which GCC mangles (combine.hpp).
template <std::size_t N> struct list_size { static constexpr std::size_t size = N; };
template <class... Ts> struct type_list : list_size<sizeof...(Ts)> {};

// type_at<I, Ts...>: the I-th type, by overload resolution against indexed bases (one class per list).
template <std::size_t I, class T> struct indexed { using type = T; };
template <class Seq, class... Ts> struct indexer;
template <std::size_t... Is, class... Ts> struct indexer<std::index_sequence<Is...>, Ts...> : indexed<Is, Ts>... {};
template <std::size_t I, class T> indexed<I, T> select(indexed<I, T> const&);

template <std::size_t I, class List> struct at;
#if __has_builtin(__type_pack_element)  // GCC has it from version 14
template <std::size_t I, class... Ts> struct at<I, type_list<Ts...>> {
    using type = __type_pack_element<I, Ts...>;
};  // Clang: O(1)
#else
template <std::size_t I, class... Ts> struct at<I, type_list<Ts...>> {
    using type = typename decltype(select<I>(indexer<std::index_sequence_for<Ts...>, Ts...>{}))::type;
};
#endif
template <std::size_t I, class List> using at_t = typename at<I, List>::type;

// Folds over long packs (a sum of 256 terms) exceed Clang's nesting limit of 256, so long
// packs are expanded into braced lists, which do not nest.
constexpr bool any_of(std::initializer_list<bool> values) {
    for (bool v : values)
        if (v) return true;
    return false;
}
constexpr bool all_of(std::initializer_list<bool> values) {
    for (bool v : values)
        if (!v) return false;
    return true;
}
/// How many of flags are true: an array of bool, or a pack as std::initializer_list<bool>{...}.
template <class Flags> constexpr std::size_t count_true(Flags const& flags) {
    std::size_t n = 0;
    for (bool f : flags) n += f;
    return n;
}
/// Calls f(static_cast<T*>(nullptr)) for each T in order, without a nested fold.
template <class... Ts, class F> constexpr void for_each_type(F&& f) {
    [[maybe_unused]] int in_order[] = {0, (f(static_cast<Ts*>(nullptr)), 0)...};
}

// concat<type_list<...>...>
template <class... Lists> struct concat { using type = type_list<>; };
template <class... Ts> struct concat<type_list<Ts...>> { using type = type_list<Ts...>; };
template <class... As, class... Bs, class... Rest> struct concat<type_list<As...>, type_list<Bs...>, Rest...>
    : concat<type_list<As..., Bs...>, Rest...> {};
template <class... As, class... Bs, class... Cs, class... Ds, class... Rest>
struct concat<type_list<As...>, type_list<Bs...>, type_list<Cs...>, type_list<Ds...>, Rest...>
    : concat<type_list<As..., Bs..., Cs..., Ds...>, Rest...> {};
template <class... Lists> using concat_t = typename concat<Lists...>::type;

/// The position of the first true in hits (hits.size() if none), as first_true({__is_same(T,
/// Ts)...}) the position of T in Ts: a function of the values only, named after no type.
constexpr std::size_t first_true(std::initializer_list<bool> hits) {
    std::size_t i = 0;
    while (i < hits.size() && !hits.begin()[i]) ++i;
    return i;
}
/// The sum of counts, by a loop: a fold over 2,000 of them nests 2,000 deep, and Clang stops at 256.
constexpr std::size_t total_length(std::initializer_list<std::size_t> lengths) {
    std::size_t total = 0;
    for (std::size_t n : lengths) total += n;
    return total;
}

template <class T> inline constexpr bool always_false = false;

/// A value computed at compile time, held by a class named after the value itself. Facts about a
/// whole graph derive from it (struct reads_of : constant_value<...> {}) instead of holding a
/// static member: GCC gives each static member and variable template instance a symbol whose
/// mangled name spells every template argument, and the graph's node list in each of N names
/// cost O(N^2): most of a 256-term sum's compile time (tests/wide_sum.cpp) went to building
/// those names. This is the one place that says so; the others point here.
///
/// A GCC 12 bug decides what such a Value may be: an array (or a class holding one) that a
/// constexpr function value-initialized and then wrote only in part is taken for another of
/// the same type whose written elements have the same values at other indices. Reduced:
///     constexpr std::array<int, 4> one_at(std::size_t k) { std::array<int, 4> a{}; a[k] = 1; return a; }
///     template <std::size_t K> struct at : constant_value<one_at(K)> {};
///     static_assert(at<1>::value[1] == 1);   // fails with GCC 12 once at<0> exists; Clang passes
/// (int, double, bool and std::size_t arrays alike; char arrays and arrays whose every element
/// was written are not affected). So every Value here is built by aggregate initialization
/// with all its elements (operand_reads, push_plan) or written in full by a loop
/// (unit_factors); a table written in part stays a static member (reverse.hpp's below_select).
template <auto Value> struct constant_value { static constexpr auto value = Value; };

}  // namespace leibniz::detail
