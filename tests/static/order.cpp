// The key order of detail/order.hpp: two types have one key only when they are one type (the
// canonical form merges like terms and like factors by key), and the order is a total order.
// Building this file is the test.
#include <leibniz/leibniz.hpp>

#include <cstddef>
#include <type_traits>
#include <utility>

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var_array<"w", 2> w;

template <class... Es> struct trees {};
template <class E> using tree = typename detail::tree_of<std::remove_cvref_t<E>>::type;

// Pairs that once shared a key: an operand list followed by a power's suffix read the same as
// the list's last operand raised to that power.
using tricky =
    trees<tree<decltype(square(x + y))>, tree<decltype(x + square(y))>,            //
          tree<decltype(pow(pow(x, y), 2_c))>, tree<decltype(pow(x, square(y)))>,  //
          tree<decltype(sin(square(x + y)))>, tree<decltype(sin(x + square(y)))>,  //
          tree<decltype(square(x * sin(y)))>, tree<decltype(x * square(sin(y)))>,  //
          tree<decltype(square(max(x, y)))>, tree<decltype(max(x, square(y)))>,    //
          tree<decltype(pow(x, y + 1_c))>, tree<decltype(pow(x, y) + 1_c)>,        //
          tree<decltype(select(x < y, x, square(y)))>, tree<decltype(square(select(x < y, x, y)))>, tree<decltype(x)>,
          tree<decltype(square(x))>, tree<decltype(pow(x, 3_c))>,  //
          tree<decltype(w[0_c])>, tree<decltype(w[1_c])>, tree<decltype(x * y)>, tree<decltype(x + y)>,
          tree<decltype(sqrt(x) + y)>, tree<decltype(sqrt(x + y))>, tree<decltype(2_c * x)>, tree<decltype(x * 2.0)>>;

template <class A, class B> constexpr int order_of() {
    return detail::compare(detail::key_of<A>(), detail::key_of<B>());
}

template <class A, class... Bs> constexpr bool one_key_only_for_one_type() {
    return ((std::is_same_v<A, Bs> == (order_of<A, Bs>() == 0) && order_of<A, Bs>() == -order_of<Bs, A>()) && ...);
}
// one constant evaluation per tree (a variable each), so that no evaluation exceeds Clang's step limit
template <class A, class... Ts> constexpr bool told_apart = one_key_only_for_one_type<A, Ts...>();
template <class... Ts> constexpr bool keys_tell_apart(trees<Ts...>) { return (told_apart<Ts, Ts...> && ...); }
static_assert(keys_tell_apart(tricky{}));

// Every tree of a small grammar built to place powers next to operand lists: leaves x, y,
// sin(x); then a + b, a * b, a^2, pow(a, b); then each of those squared, plus y^2, times
// x^2, under a square root and a sine, as a base and as an exponent. Distinct types, distinct keys.
template <class... As, class... Bs> constexpr trees<As..., Bs...> join_two(trees<As...>, trees<Bs...>) { return {}; }
constexpr auto join_trees() { return trees<>{}; }
template <class T, class... Ts> constexpr auto join_trees(T t, Ts... ts) { return join_two(t, join_trees(ts...)); }
template <class... As> constexpr auto level_one(As... as) {
    auto one = [](auto a, auto... bs) {
        return trees<tree<decltype(square(a))>, tree<decltype(a + bs)>..., tree<decltype(a * bs)>...,
                     tree<decltype(pow(a, bs))>...>{};
    };
    return join_trees(one(as, as...)...);
}
template <class E> constexpr auto level_two_of(E a) {
    return trees<tree<decltype(square(a))>, tree<decltype(a + square(y))>, tree<decltype(square(x) * a)>,
                 tree<decltype(sqrt(a))>, tree<decltype(sin(a))>, tree<decltype(pow(a, y))>,
                 tree<decltype(pow(y, a))>>{};
}
template <class... Ts> constexpr auto level_two(trees<Ts...>) { return join_trees(level_two_of(Ts{})...); }

using one = decltype(level_one(x, y, sin(x)));
static_assert(keys_tell_apart(one{}));
static_assert(keys_tell_apart(level_two(one{})));

// a node sorts before its powers, and powers by their exponents
static_assert(order_of<tree<decltype(x)>, tree<decltype(square(x))>>() < 0);
static_assert(order_of<tree<decltype(square(x))>, tree<decltype(pow(x, 3_c))>>() < 0);
static_assert(order_of<tree<decltype(x + y)>, tree<decltype(square(x + y))>>() < 0);

// Names order as their characters do, one by one, a shorter name before the longer it starts
// (names of 7, 8 and 15 characters, so that a key which packs characters into wider tokens
// keeps this order across a token's edge), and a family's members by index after the name.
template <detail::fixed_string A, detail::fixed_string B, int I = 0, int J = 0>
constexpr int name_order = order_of<var<A, I>, var<B, J>>();
static_assert(name_order<"a", "b"> < 0 && name_order<"ab", "abc"> < 0 && name_order<"abd", "abc"> > 0);
static_assert(name_order<"abcdef", "abcdefg"> < 0 && name_order<"abcdefg", "abcdefgh"> < 0);
static_assert(name_order<"abcdefgh", "abcdefgi"> < 0 && name_order<"abcdefgz", "abcdefh"> < 0);
static_assert(name_order<"abcdefghijklmn", "abcdefghijklmno"> < 0 && name_order<"Z", "a"> < 0);
static_assert(name_order<"w", "w", 0, 1> < 0 && name_order<"w", "wa", 5, 0> < 0 &&
              name_order<"abcdefg", "abcdefg"> == 0);
static_assert(name_order<"\xff", "\x7f"> > 0);  // characters compare as unsigned
}  // namespace
