#pragma once
// Persistent tries of types, keyed by a number: the type-indexed maps of the graph (graph.hpp).
// A graph of thousands of nodes needs a set of the nodes seen so far, and a lookup from a node
// to its slot, at every step of its construction. A type list searched element by element costs
// the list's length per step, and so does any template instantiated with the whole list as a
// pack (a partial specialization deduces every element): quadratic in the graph, measured at
// 3.4 GiB and 7 s (Clang 14, with __type_pack_element) to look up each of 4,000 types once. A
// trie of fanout 8 has five levels for 32,768 keys: an insertion makes five new branches of
// eight children, a lookup walks five, and every unchanged subtree is shared between the old
// trie and the new one (it is the same type), so each step costs a constant number of small
// instantiations however large the graph is. boost::hana::map, the type-indexed map of the
// library the project learns its metaprogramming from, builds a new map at every insertion: 125
// insertions took 15.8 s and 2.2 GiB with GCC 12 against the trie's 0.31 s and 108 MiB, and 250
// took 170 s and 15 GiB (bench/compile/hana_map_vs_trie.cpp has the measurement).
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "type_list.hpp"

namespace leibniz::detail {

inline constexpr std::size_t trie_digit_bits = 3;  // a fanout of 8 (the specializations below, one per child)
inline constexpr std::size_t trie_levels = 5;      // 32,768 leaves
inline constexpr std::uint64_t trie_capacity = std::uint64_t{1} << (trie_digit_bits * trie_levels);

struct trie_empty {};  // a subtree with nothing in it
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7> struct trie_branch {};
template <class... Entries> struct trie_leaf {};  // the entries whose keys end here
using trie_empty_branch =
    trie_branch<trie_empty, trie_empty, trie_empty, trie_empty, trie_empty, trie_empty, trie_empty, trie_empty>;

// the most significant digit first, so that the entries of a trie keyed by slot are in slot order
constexpr std::size_t trie_digit(std::uint64_t key, std::size_t level) {
    constexpr std::uint64_t digit_mask = (std::uint64_t{1} << trie_digit_bits) - 1;
    return static_cast<std::size_t>((key >> (trie_digit_bits * (trie_levels - 1 - level))) & digit_mask);
}

// A fanout of 8, each child and each replacement one partial specialization. Against a fanout of 4
// (eight levels, 65,536 leaves), on 2026-12-03, two compiles side by side: g++ -O2 -c of
// bench/compile_time.py's sum of 1,024 terms (2,054 nodes) peaked at 2,042 MiB instead of 2,204
// (77.8 -> 79.7 s user, within the noise), Clang 14 at 1,399 MiB instead of 1,487 (72.5 -> 69.1 s);
// GMM d = 10, K = 5 with GCC 866 MiB instead of 939 (26.6 -> 28.0 s); the 16-16-1 network with
// Clang 470 MiB instead of 496 (17.8 -> 16.7 s). Children picked from a pack and replaced by pack
// expansion were slower: with a fanout of 16 the 770-node graph of a 256-term sum took 2.97 s
// (Clang 14) and 4.39 s (GCC 12).
template <std::size_t K, class Trie> struct trie_child { using type = trie_empty; };
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7>
struct trie_child<0, trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>> {
    using type = C0;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7>
struct trie_child<1, trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>> {
    using type = C1;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7>
struct trie_child<2, trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>> {
    using type = C2;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7>
struct trie_child<3, trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>> {
    using type = C3;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7>
struct trie_child<4, trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>> {
    using type = C4;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7>
struct trie_child<5, trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>> {
    using type = C5;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7>
struct trie_child<6, trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>> {
    using type = C6;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7>
struct trie_child<7, trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>> {
    using type = C7;
};

template <class Branch, std::size_t K, class Child> struct with_child_at;
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7, class N>
struct with_child_at<trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>, 0, N> {
    using type = trie_branch<N, C1, C2, C3, C4, C5, C6, C7>;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7, class N>
struct with_child_at<trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>, 1, N> {
    using type = trie_branch<C0, N, C2, C3, C4, C5, C6, C7>;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7, class N>
struct with_child_at<trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>, 2, N> {
    using type = trie_branch<C0, C1, N, C3, C4, C5, C6, C7>;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7, class N>
struct with_child_at<trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>, 3, N> {
    using type = trie_branch<C0, C1, C2, N, C4, C5, C6, C7>;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7, class N>
struct with_child_at<trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>, 4, N> {
    using type = trie_branch<C0, C1, C2, C3, N, C5, C6, C7>;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7, class N>
struct with_child_at<trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>, 5, N> {
    using type = trie_branch<C0, C1, C2, C3, C4, N, C6, C7>;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7, class N>
struct with_child_at<trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>, 6, N> {
    using type = trie_branch<C0, C1, C2, C3, C4, C5, N, C7>;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7, class N>
struct with_child_at<trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>, 7, N> {
    using type = trie_branch<C0, C1, C2, C3, C4, C5, C6, N>;
};
template <class Trie> struct as_branch { using type = Trie; };
template <> struct as_branch<trie_empty> { using type = trie_empty_branch; };

template <class Leaf, class Entry> struct leaf_with { using type = trie_leaf<Entry>; };
template <class... Es, class Entry> struct leaf_with<trie_leaf<Es...>, Entry> { using type = trie_leaf<Es..., Entry>; };

// Insertion and lookup walk the five levels written out, in one class each, not one class per
// level: the classes of a level are named after the key and the subtrie, so few of them are
// shared between lookups, while trie_child and as_branch (named after a subtrie and a digit)
// are. The path below is written for five levels.
static_assert(trie_levels == 5, "leibniz internal: trie_insert and trie_leaf_at walk five levels");

/// trie_insert<Trie, Key, Entry>::type: Trie with Entry added under Key (a key may hold several).
/// No class here has a static data member (type_list.hpp's constant_value says why): naming one
/// per insertion, after the whole trie, made building a 770-node graph take 10 s instead of 2.
template <class Trie, std::uint64_t Key, class Entry> struct trie_insert {
    using level0 = typename as_branch<Trie>::type;
    using level1 = typename as_branch<typename trie_child<trie_digit(Key, 0), level0>::type>::type;
    using level2 = typename as_branch<typename trie_child<trie_digit(Key, 1), level1>::type>::type;
    using level3 = typename as_branch<typename trie_child<trie_digit(Key, 2), level2>::type>::type;
    using level4 = typename as_branch<typename trie_child<trie_digit(Key, 3), level3>::type>::type;
    using leaf = typename leaf_with<typename trie_child<trie_digit(Key, 4), level4>::type, Entry>::type;
    using type = typename with_child_at<
        level0, trie_digit(Key, 0),
        typename with_child_at<
            level1, trie_digit(Key, 1),
            typename with_child_at<level2, trie_digit(Key, 2),
                                   typename with_child_at<level3, trie_digit(Key, 3),
                                                          typename with_child_at<level4, trie_digit(Key, 4), leaf>::
                                                              type>::type>::type>::type>::type;
};

/// trie_leaf_at<Trie, Key>::type: the leaf of Key's entries (trie_empty when there are none; the
/// child of an empty subtrie is empty). A class, not an alias: with an alias template that lookups
/// named in place, GMM d = 10, K = 5 (bench/compile_time.py, g++ -O2) peaked at 960 MiB instead of 823.
template <class Trie, std::uint64_t Key> struct trie_leaf_at {
    using type = typename trie_child<
        trie_digit(Key, 4),
        typename trie_child<
            trie_digit(Key, 3),
            typename trie_child<trie_digit(Key, 2),
                                typename trie_child<trie_digit(Key, 1), typename trie_child<trie_digit(Key, 0), Trie>::
                                                                            type>::type>::type>::type>::type;
};

/// The entries of a trie in the order of their keys (Reversed: the opposite order), one
/// concatenation per level.
template <class Trie, bool Reversed = false> struct trie_entries { using type = type_list<>; };
template <class... Es, bool Reversed> struct trie_entries<trie_leaf<Es...>, Reversed> {
    using type = type_list<Es...>;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7>
struct trie_entries<trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>, false> {
    using type = concat_t<typename trie_entries<C0, false>::type, typename trie_entries<C1, false>::type,
                          typename trie_entries<C2, false>::type, typename trie_entries<C3, false>::type,
                          typename trie_entries<C4, false>::type, typename trie_entries<C5, false>::type,
                          typename trie_entries<C6, false>::type, typename trie_entries<C7, false>::type>;
};
template <class C0, class C1, class C2, class C3, class C4, class C5, class C6, class C7>
struct trie_entries<trie_branch<C0, C1, C2, C3, C4, C5, C6, C7>, true> {
    using type = concat_t<typename trie_entries<C7, true>::type, typename trie_entries<C6, true>::type,
                          typename trie_entries<C5, true>::type, typename trie_entries<C4, true>::type,
                          typename trie_entries<C3, true>::type, typename trie_entries<C2, true>::type,
                          typename trie_entries<C1, true>::type, typename trie_entries<C0, true>::type>;
};

}  // namespace leibniz::detail
