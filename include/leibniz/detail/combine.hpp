#pragma once
// Putting operands together. Static operands combine by type alone. Plain numbers become
// runtime_constant leaves whose values travel in the result's numbers array; when two such
// expressions meet, the right one's slots are renumbered after the left one's, so every
// number keeps its own slot and 2.0 * x + 3.0 * x is never read as 2 * (2.0 * x).
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "../expression.hpp"
#include "canonical.hpp"

namespace leibniz {

namespace detail {
// Whether a tree mentions a variable or a plain number anywhere.
template <class T> struct is_variable : std::false_type {};  // declared in concepts.hpp
template <fixed_string Name, int I> struct is_variable<var<Name, I>> : std::true_type {};
template <class T> struct is_runtime_constant : std::false_type {};
template <std::size_t K> struct is_runtime_constant<runtime_constant<K>> : std::true_type {};

template <template <class> class Leaf, class T, class Children = typename children<T>::type> struct mentions;
template <template <class> class Leaf, class T, class... Cs> struct mentions<Leaf, T, type_list<Cs...>>
    : std::bool_constant<Leaf<T>::value || any_of({mentions<Leaf, Cs>::value...})> {};

template <class T> using has_variables = mentions<is_variable, T>;
template <class T> using has_runtime_constants = mentions<is_runtime_constant, T>;
template <class T> struct is_closed : std::bool_constant<!has_variables<T>::value && !has_runtime_constants<T>::value> {
};
}  // namespace detail

namespace detail {

template <class T, std::size_t Offset> struct shift_slots { using type = T; };
template <class T, std::size_t Offset> using shift_slots_t = typename shift_slots<T, Offset>::type;
template <std::size_t K, std::size_t Offset> struct shift_slots<runtime_constant<K>, Offset> {
    using type = runtime_constant<K + Offset>;
};
template <class... Ts, std::size_t Offset> struct shift_slots<sum_of<Ts...>, Offset> {
    using type = sum_of<shift_slots_t<Ts, Offset>...>;
};
template <class... Fs, std::size_t Offset> struct shift_slots<product_of<Fs...>, Offset> {
    using type = product_of<shift_slots_t<Fs, Offset>...>;
};
template <class B, class E, std::size_t Offset> struct shift_slots<power<B, E>, Offset> {
    using type = power<shift_slots_t<B, Offset>, shift_slots_t<E, Offset>>;
};
template <class Rule, class... Args, std::size_t Offset> struct shift_slots<call<Rule, Args...>, Offset> {
    using type = call<Rule, shift_slots_t<Args, Offset>...>;
};
template <class A, class B, std::size_t Offset> struct shift_slots<less_than<A, B>, Offset> {
    using type = less_than<shift_slots_t<A, Offset>, shift_slots_t<B, Offset>>;
};
template <class A, class B, std::size_t Offset> struct shift_slots<less_or_equal<A, B>, Offset> {
    using type = less_or_equal<shift_slots_t<A, Offset>, shift_slots_t<B, Offset>>;
};
template <class C, std::size_t Offset> struct shift_slots<not_of<C>, Offset> {
    using type = not_of<shift_slots_t<C, Offset>>;
};
template <class... Cs, std::size_t Offset> struct shift_slots<and_of<Cs...>, Offset> {
    using type = and_of<shift_slots_t<Cs, Offset>...>;
};
template <class... Cs, std::size_t Offset> struct shift_slots<or_of<Cs...>, Offset> {
    using type = or_of<shift_slots_t<Cs, Offset>...>;
};
template <class C, class A, class B, std::size_t Offset> struct shift_slots<select_of<C, A, B>, Offset> {
    using type = select_of<shift_slots_t<C, Offset>, shift_slots_t<A, Offset>, shift_slots_t<B, Offset>>;
};

// A plain number as an expression of one slot.
template <class X> constexpr auto as_expression(X const& x) {
    if constexpr (NumberLike<X>) {
        static_assert(!NumberLike<X>,
                      "leibniz: a number class (simd lanes, a Jet, a type of your own) cannot be a plain number inside "
                      "an expression (x * lanes), whose plain numbers are doubles; bind it to a variable instead: "
                      "f = x * y, f(x = ..., y = lanes)");
        return x;
    } else {
        static_assert(std::is_arithmetic_v<X>,
                      "leibniz: a plain number inside an expression must be real (float, double, an integer); "
                      "complex numbers can be bound to variables instead: f(x = std::complex<double>{...})");
        // kept as given: a long double as long double (1e-400L is 0 as a double), the rest as double
        using Number = std::conditional_t<std::is_same_v<X, long double>, long double, double>;
        return with_numbers<runtime_constant<0>, 1, Number>{{{static_cast<Number>(x)}}};
    }
}
/// An operand as an expression: itself, or a plain number as one slot.
template <class X> struct operand_expression { using type = X; };
template <class X>
requires(!Expression<X>) struct operand_expression<X> {
    using type = decltype(as_expression(std::declval<X const&>()));
};
/// A plain number's one slot (expression.hpp's numbers_of takes expressions).
template <class X>
requires(!Expression<X>) constexpr auto numbers_of(X const& x) { return as_expression(x).numbers; }

/// The type joined plain numbers are kept in: long double when any part keeps long doubles
/// (x * 1e-400L), else double.
template <class... Numbers> using joined_number_t =
    std::conditional_t<any_of({std::is_same_v<Numbers, long double>...}), long double, double>;

/// Operands' plain numbers end to end: the second operand's slots come after the first's, and
/// so on (shift_slots renumbers their trees to match). The one place numbers are joined: the
/// operations (combine), lists of outputs (gradient.hpp).
template <class Into, std::size_t Total, class Number, std::size_t N>
constexpr void append_numbers(std::array<Into, Total>& into, std::size_t& at, std::array<Number, N> const& numbers) {
    for (std::size_t i = 0; i < N; ++i) into[at++] = numbers[i];
}
template <class... Numbers, std::size_t... N> constexpr auto joined_numbers(std::array<Numbers, N> const&... parts) {
    std::array<joined_number_t<Numbers...>, total_length({N...})> all{};
    std::size_t at = 0;
    [[maybe_unused]] int in_order[] = {0, (append_numbers(all, at, parts), 0)...};  // no fold: 256+ operands
    return all;
}

/// Where each operand's plain numbers start once all operands' numbers are joined.
template <std::size_t... Counts> constexpr std::array<std::size_t, sizeof...(Counts) + 1> offsets_of() {
    // every element written, [0] too: constant_value's note on GCC 12 (type_list.hpp)
    std::array<std::size_t, sizeof...(Counts) + 1> offsets{};
    std::size_t const counts[] = {Counts..., 0};
    offsets[0] = 0;
    for (std::size_t i = 0; i < sizeof...(Counts); ++i) offsets[i + 1] = offsets[i] + counts[i];
    return offsets;
}
/// number_offsets<Es...>::value (a class named after the operands, whose value is a member of
/// constant_value<offsets>: a variable template would be a symbol named after them).
template <class... Es> struct number_offsets : constant_value<offsets_of<numbers_count<Es>::value...>()> {};

/// The expression a tree and N plain numbers make: the tree alone when no plain number is left
/// in it (0.0 * x folds to 0), else with_numbers.
template <class Tree, class Number, std::size_t N> using expression_of =
    std::conditional_t<N == 0 || !has_runtime_constants<Tree>::value, Tree, with_numbers<Tree, N, Number>>;

/// Make<trees of the operands...>::type, each operand's slots renumbered after those before it.
template <template <class...> class Make, class Offsets, class... Es> struct combined_tree;
template <template <class...> class Make, std::size_t... I, class... Es>
struct combined_tree<Make, std::index_sequence<I...>, Es...> {
    using type = typename Make<shift_slots_t<typename tree_of<Es>::type, number_offsets<Es...>::value[I]>...>::type;
};

/// Make<tree of a, tree of b, ...>::type from expressions and plain numbers, b's slots after
/// a's, and so on: the one function each operation (a + b, log(a), select(c, a, b), sum<N>)
/// calls with its operands. Everything else it needs is a class (combined_tree, expression_of)
/// or a function named after the numbers only (numbers_of, joined_numbers): each function
/// whose name spells the operands' trees costs GCC time quadratic in the name's length when it
/// mangles it (the mixture of 25 Gaussians: names of 100,000 characters).
template <template <class...> class Make, class... Xs> constexpr auto combine(Xs const&... xs) {
    using tree =
        typename combined_tree<Make, std::index_sequence_for<Xs...>, typename operand_expression<Xs>::type...>::type;
    auto const numbers = joined_numbers(numbers_of(xs)...);
    using joined = std::remove_const_t<decltype(numbers)>;
    using result = expression_of<tree, typename joined::value_type, std::tuple_size_v<joined>>;
    if constexpr (is_with_numbers<result>::value) return result{{numbers}};
    else return result{};
}

}  // namespace detail
}  // namespace leibniz
