// Compile-time cost of the graph's type-indexed map (detail/trie.hpp) against boost::hana::map,
// the map the mission names: a set of COUNT types built one insertion at a time, each new key
// looked up after its insertion, as the graph's depth-first walk does at every node.
//
//   g++ -std=c++20 -fsyntax-only -ftemplate-depth=5000 -I include -DCOUNT=125 [-DHANA] bench/compile/hana_map_vs_trie.cpp
//
// Measured on 2026-12-01 (user CPU and peak memory from /usr/bin/time, one run each, GCC 12 / Clang 14):
//   COUNT = 125:  trie 0.31 s, 108 MiB / 0.29 s, 132 MiB;  hana::map 15.8 s, 2.2 GiB / 9.8 s, 606 MiB
//   COUNT = 250:  trie 0.36 s (GCC);                       hana::map 170 s, 14.9 GiB (GCC)
//   COUNT = 1000: trie 0.77 s, 261 MiB (GCC)
// hana::map is immutable and each insert builds a new map of all its pairs (and a new
// constexpr object), so n insertions cost O(n^2) instantiations and constant evaluation; it is
// built for maps made once, not grown a key at a time. The trie's insertion makes eight small
// classes and shares the rest of the old trie.
#include <cstddef>
#include <utility>
#include <type_traits>
template <int I> struct node {};
#ifdef HANA
#include <boost/hana/map.hpp>
#include <boost/hana/insert.hpp>
#include <boost/hana/pair.hpp>
#include <boost/hana/type.hpp>
#include <boost/hana/integral_constant.hpp>
#include <boost/hana/contains.hpp>
#include <boost/hana/length.hpp>
namespace hana = boost::hana;
template <int I, class Map> constexpr auto build(Map m) {
    if constexpr (I == COUNT) return m;
    else {
        auto next = hana::insert(m, hana::make_pair(hana::type_c<node<I>>, hana::size_c<I>));
        static_assert(decltype(hana::contains(next, hana::type_c<node<I>>))::value);
        return build<I + 1>(next);
    }
}
constexpr auto all = build<0>(hana::make_map());
static_assert(decltype(hana::length(all))::value == COUNT);
#else
#include <leibniz/detail/trie.hpp>
#include <leibniz/detail/graph.hpp>
namespace d = leibniz::detail;
template <int I, class Trie> struct build {
    using next =
        typename d::trie_insert<Trie, static_cast<std::uint64_t>(I) * 2654435761u, d::slot_entry<node<I>, I>>::type;
    static_assert(
        d::slot_in_leaf<node<I>,
                        typename d::trie_leaf_at<next, static_cast<std::uint64_t>(I) * 2654435761u>::type>::value == I);
    using type = typename build<I + 1, next>::type;
};
template <class Trie> struct build<COUNT, Trie> { using type = Trie; };
using all = build<0, d::trie_empty>::type;
#endif
