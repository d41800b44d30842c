#pragma once
// A node's shape: what its evaluation and its reverse step read of its type (a sum of three
// terms, a product whose second factor is a denominator, sin of one argument), without its
// operands, whose types spell the node's whole subtree. The functions of both passes are
// named after shapes, not nodes: GCC mangles the name of every function it compiles, and a
// large graph's node functions, each named after its subtree, spelled the whole expression
// over and over. Nodes of one shape also share their functions where their plans agree.
#include <cstddef>

#include "../expression.hpp"
#include "graph.hpp"

namespace leibniz::detail {

template <std::size_t Count> struct sum_shape {};
enum class factor_kind { numerator, denominator, coefficient };  // coefficient: a rational factor
template <factor_kind... Kinds> struct product_shape {};
template <rational R> struct rational_power_shape {};  // b^R
struct same_base_power_shape {};                       // b^b
struct power_shape {};                                 // b^e, e an expression
template <class Rule, std::size_t Count> struct call_shape {};
struct less_than_shape {};
struct less_or_equal_shape {};
struct not_shape {};
template <std::size_t Count> struct and_shape {};
template <std::size_t Count> struct or_shape {};
struct select_shape {};

template <class F> inline constexpr factor_kind kind_of_factor = is_denominator<F>
                                                                     ? factor_kind::denominator
                                                                     : (is_constant<F>::value ? factor_kind::coefficient
                                                                                              : factor_kind::numerator);

/// shape_of<Node>::type: Node's shape; a leaf is its own.
template <class Node> struct shape_of { using type = Node; };
template <class... Ts> struct shape_of<sum_of<Ts...>> { using type = sum_shape<sizeof...(Ts)>; };
template <class... Fs> struct shape_of<product_of<Fs...>> { using type = product_shape<kind_of_factor<Fs>...>; };
template <class B, rational R> struct shape_of<power<B, constant<R>>> { using type = rational_power_shape<R>; };
template <class B> struct shape_of<power<B, B>> { using type = same_base_power_shape; };
template <class B, class E> struct shape_of<power<B, E>> { using type = power_shape; };
template <class Rule, class... Args> struct shape_of<call<Rule, Args...>> {
    using type = call_shape<Rule, sizeof...(Args)>;
};
template <class A, class B> struct shape_of<less_than<A, B>> { using type = less_than_shape; };
template <class A, class B> struct shape_of<less_or_equal<A, B>> { using type = less_or_equal_shape; };
template <class C> struct shape_of<not_of<C>> { using type = not_shape; };
template <class... Cs> struct shape_of<and_of<Cs...>> { using type = and_shape<sizeof...(Cs)>; };
template <class... Cs> struct shape_of<or_of<Cs...>> { using type = or_shape<sizeof...(Cs)>; };
template <class C, class A, class B> struct shape_of<select_of<C, A, B>> { using type = select_shape; };
template <class Node> using shape_of_t = typename shape_of<Node>::type;

}  // namespace leibniz::detail
