#pragma once
// A 64-bit hash of an expression type, computed once per type from its operands' hashes (an
// integral_constant, not a static member named after the type: trie.hpp says why): the
// key under which the graph's tries (trie.hpp) file a node. Distinct types may share a hash;
// the tries compare the types themselves where their keys meet, so a collision costs a longer
// leaf, never a wrong node.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <type_traits>

#include "../expression.hpp"
#include "rule_identity.hpp"

namespace leibniz::detail {

constexpr std::uint64_t hash_mix(std::uint64_t h, std::uint64_t v) {  // splitmix64's finalizer over h + v
    std::uint64_t z = h + 0x9e3779b97f4a7c15ULL + v * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
constexpr std::uint64_t hash_text(std::uint64_t h, std::string_view text) {
    for (char c : text) h = hash_mix(h, static_cast<unsigned char>(c));
    return hash_mix(h, text.size());
}
template <std::size_t N> constexpr std::uint64_t hash_all(std::uint64_t h, std::uint64_t const (&parts)[N]) {
    for (std::uint64_t p : parts) h = hash_mix(h, p);
    return h;
}

template <class T> struct node_hash;
/// Operand hashes followed by a terminator, in a braced list (no fold: sums have 1,000+ terms).
/// (a class: a function template would be named after the operands, which GCC mangles, combine.hpp)
template <std::uint64_t Kind, class... Ts> struct hash_of_operands
    : std::integral_constant<std::uint64_t, hash_all(Kind, {node_hash<Ts>::value..., std::uint64_t{0}})> {};

template <rational R> struct node_hash<constant<R>>
    : std::integral_constant<std::uint64_t, hash_mix(hash_mix(1, static_cast<std::uint64_t>(R.num)),
                                                     static_cast<std::uint64_t>(R.den))> {};
template <class Tag> struct node_hash<named_constant<Tag>>
    : std::integral_constant<std::uint64_t, hash_text(2, Tag::name)> {};
template <std::size_t K> struct node_hash<runtime_constant<K>> : std::integral_constant<std::uint64_t, hash_mix(3, K)> {
};
template <fixed_string Name, int I> struct node_hash<var<Name, I>>
    : std::integral_constant<std::uint64_t, hash_mix(hash_text(4, Name.view()), static_cast<std::uint64_t>(I))> {};
template <class Rule, class... Args> struct node_hash<call<Rule, Args...>>
    : hash_of_operands<hash_text(5, rule_identity<Rule>::view()), Args...> {};
template <class... Ts> struct node_hash<sum_of<Ts...>> : hash_of_operands<6, Ts...> {};
template <class... Fs> struct node_hash<product_of<Fs...>> : hash_of_operands<7, Fs...> {};
template <class B, class E> struct node_hash<power<B, E>> : hash_of_operands<8, B, E> {};
/// Any other node: its operands' hashes (children<T>), which distinct kinds of node may share.
template <class List> struct hash_of_children;
template <class... Ts> struct hash_of_children<type_list<Ts...>> : hash_of_operands<9, Ts...> {};
template <class T> struct node_hash : hash_of_children<typename children<T>::type> {};

}  // namespace leibniz::detail
