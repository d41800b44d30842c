// The graph's type-indexed maps (detail/trie.hpp, graph.hpp): entries filed under one key stay
// apart, and every node is found at its slot and its slot at the node.
#include <leibniz/leibniz.hpp>

#include <array>
#include <cstddef>
#include <type_traits>

namespace {
using namespace leibniz;
using namespace leibniz::literals;
namespace d = leibniz::detail;

template <int> struct tag {};

// Two types under one key (a hash collision): the leaf keeps both, and each is found exactly.
using one_key = d::trie_insert<d::trie_insert<d::trie_empty, 12345, d::slot_entry<tag<1>, 0>>::type, 12345,
                               d::slot_entry<tag<2>, 1>>::type;
using leaf = d::trie_leaf_at<one_key, 12345>::type;
static_assert(std::is_same_v<leaf, d::trie_leaf<d::slot_entry<tag<1>, 0>, d::slot_entry<tag<2>, 1>>>);
static_assert(d::slot_in_leaf<tag<1>, leaf>::value == 0 && d::slot_in_leaf<tag<2>, leaf>::value == 1);
static_assert(d::slot_in_leaf<tag<3>, leaf>::value == d::no_slot);
static_assert(std::is_same_v<d::trie_leaf_at<one_key, 54321>::type, d::trie_empty>);  // another key: nothing

// Keyed by slot, the entries come out in slot order, and backwards reversed.
using by_slot = d::trie_insert<d::trie_insert<d::trie_insert<d::trie_empty, 0, tag<0>>::type, 1, tag<1>>::type, 300,
                               tag<300>>::type;
static_assert(std::is_same_v<d::trie_entries<by_slot>::type, d::type_list<tag<0>, tag<1>, tag<300>>>);
static_assert(std::is_same_v<d::trie_entries<by_slot, true>::type, d::type_list<tag<300>, tag<1>, tag<0>>>);

// A graph: distinct subexpressions once each, operands first, found both ways.
constexpr var<"x"> x;
constexpr var<"y"> y;
using f = std::remove_cvref_t<decltype(sin(x * y) + x * y + square(x))>;
using nodes = d::graph_nodes<f>;
static_assert(nodes::size == 6);  // x, y, x*y, sin(x*y), x^2, the sum
using xy = std::remove_cvref_t<decltype(x * y)>;
static_assert(std::is_same_v<d::node_at<d::slot_of<xy, nodes>::value, nodes>, xy>);
static_assert(std::is_same_v<d::node_at<nodes::size - 1, nodes>, f>);
static_assert(d::slot_of<var<"x">, nodes>::value < d::slot_of<xy, nodes>::value);  // operands first
static_assert(d::slot_if_present<var<"z">, nodes>::value == nodes::size);          // not a node
static_assert(d::reads_precede_writes<nodes>::value);
// Both passes name a node's functions after its shape (detail/node_shape.hpp): what they read of
// its type and nothing of its operands, so that two nodes of one shape share them; and what tells
// the code apart (a denominator, a coefficient, a rule, an exponent) is kept.
template <class E> using shape = d::shape_of_t<std::remove_cvref_t<E>>;
static_assert(std::is_same_v<shape<decltype(sin(x * y) + x)>, shape<decltype(x + y)>>);
static_assert(std::is_same_v<shape<decltype(sin(x * y))>, shape<decltype(sin(x))>>);
static_assert(!std::is_same_v<shape<decltype(sin(x))>, shape<decltype(cos(x))>>);
static_assert(std::is_same_v<shape<decltype(x * sin(y))>, shape<decltype(x * y)>>);
static_assert(!std::is_same_v<shape<decltype(x / y)>, shape<decltype(x * y)>>);
static_assert(!std::is_same_v<shape<decltype(2_c * x * y)>, shape<decltype(x * y * sin(x))>>);
static_assert(!std::is_same_v<shape<decltype(square(x))>, shape<decltype(x * x * x)>>);
static_assert(std::is_same_v<shape<decltype(square(x + y))>, shape<decltype(square(x))>>);
static_assert(!std::is_same_v<shape<decltype(pow(x, y))>, shape<decltype(pow(x, x))>>);
static_assert(std::is_same_v<shape<decltype(x)>, var<"x">>);  // a leaf is its own shape

// Where each operand's plain numbers start (combine.hpp's number_offsets, a constant_value of a
// computed array). GCC 12 compares such template arguments without the positions of elements
// written after value-initialization (constant_value<one_at(2)> is constant_value<one_at(3)>,
// sweep_links.hpp), so offsets that differ only in where they step must stay apart.
template <std::size_t N> using counted = with_numbers<runtime_constant<0>, N>;
static_assert(d::number_offsets<counted<0>, counted<2>>::value == std::array<std::size_t, 3>{0, 0, 2});
static_assert(d::number_offsets<counted<2>, counted<0>>::value == std::array<std::size_t, 3>{0, 2, 2});
static_assert(d::number_offsets<counted<1>, counted<0>, counted<0>>::value == std::array<std::size_t, 4>{0, 1, 1, 1});
static_assert(d::number_offsets<counted<0>, counted<1>, counted<0>>::value == std::array<std::size_t, 4>{0, 0, 1, 1});
static_assert(d::number_offsets<counted<0>, counted<0>, counted<1>>::value == std::array<std::size_t, 4>{0, 0, 0, 1});
}  // namespace
