#pragma once
// The node types. An expression is a value of a nested type built from these few generic
// nodes (as Eigen builds everything from CwiseBinaryOp<Op, L, R>); what varies is the rule
// in call<Rule, ...>. Nodes are empty: the whole expression lives in its type.
#include <array>
#include <concepts>
#include <cstddef>
#include <numbers>
#include <string_view>
#include <type_traits>

#include "binding.hpp"
#include "concepts.hpp"
#include "detail/fixed_string.hpp"
#include "detail/number.hpp"
#include "detail/refusals.hpp"
#include "detail/type_list.hpp"
#include "rational.hpp"

namespace leibniz {

namespace detail {
// Evaluation, defined in evaluate.hpp; declared here so that every node can be called.
template <class Tree, class Number, std::size_t N, class... Bindings>
constexpr auto evaluate(std::array<Number, N> const& numbers, Bindings const&... bindings);
}  // namespace detail

/// The common base of nodes: f(x = 0.5, y = 2.0) evaluates.
template <class Self> struct node : detail::node_tag {
    template <class... Bindings> [[gnu::always_inline]] constexpr auto operator()(Bindings const&... bindings) const {
        return detail::evaluate<Self>(std::array<double, 0>{}, bindings...);
    }
};

/// A compile-time rational constant: 3_c, 0.5_c, c<1, 3>.
template <rational R> struct constant : node<constant<R>> { static constexpr rational value = R; };

/// c<N, D>: the exact rational N/D as an expression (D = 0, and N/D beyond intmax_t, refused).
template <std::intmax_t N, std::intmax_t D = 1> inline constexpr constant<
    detail::checked_fold<detail::quotient_or_flag(N, detail::nonzero_denominator<D>::value)>::value>
    c{};

/// A variable; its name (and, inside a family, its index) is its identity.
template <detail::fixed_string Name, int Index = -1> struct var : node<var<Name, Index>> {
    static_assert(detail::checked_variable_name<Name>::value);
    static constexpr std::string_view name = Name.view();
    static constexpr int index = Index;
    /// x = 0.5 binds the variable for evaluation: f(x = 0.5, y = 2.0).
    template <Number T> constexpr binding<var, T> operator=(T value) const { return {value}; }
    /// x = 2_c binds the exact rational's value as a double: f(x = 1_c / 2_c) is f(x = 0.5).
    template <rational R> constexpr binding<var, double> operator=(constant<R>) const {
        return {R.template as<double>()};
    }
    /// x = a for a tape::var a: the expression, called so, is one operation of the tape (tape/kernel.hpp).
    constexpr binding<var, tape::var> operator=(tape::var const& value) const { return {value}; }
    /// x = each_record, x = each_record(&point::x): x takes each record of sum_over's data in turn.
    template <class Source>
    requires detail::is_record_source<Source>
    constexpr auto operator=(Source const& source) const {
        return per_record_binding<var, decltype(detail::projection_of(source))>{detail::projection_of(source)};
    }
    // x = true, x = "1.0", x = std::array{...}: refused with a sentence, not "no match for operator="
    template <class T>
    requires(!Number<std::remove_cvref_t<T>> && !std::is_same_v<std::remove_cvref_t<T>, var> &&
             !std::is_same_v<std::remove_cvref_t<T>, tape::var> && !detail::is_record_source<T>) constexpr auto
    operator=(T const&) const {
        return binding<var, double>{detail::refuse_variable_binding<var, T>()};
    }
};

/// The K-th plain number of an expression (2.0 in 2.0 * x). Its value lives in the expression
/// object (with_numbers), never in the type, so 2.0 * x and 3.0 * x cannot be mistaken.
template <std::size_t K> struct runtime_constant : node<runtime_constant<K>> { static constexpr std::size_t slot = K; };

/// An irrational constant known by name (pi), kept exact in derivatives such as erf's.
template <class Tag> struct named_constant : node<named_constant<Tag>> {};
struct pi_tag {
    static constexpr std::string_view name = "pi";
    static constexpr std::string_view latex = "\\pi";
    static constexpr long double value = std::numbers::pi_v<long double>;
};
inline constexpr named_constant<pi_tag> pi_c{};

/// t1 + t2 + ...: flattened, like terms collected, terms in the library's canonical order.
template <class... Terms> struct sum_of : node<sum_of<Terms...>> {};
/// c * f1 * f2 * ...: flattened, rational coefficient first, equal bases merged into powers.
template <class... Factors> struct product_of : node<product_of<Factors...>> {};
/// base^exponent (sqrt, cbrt, square and division are written through it).
template <class Base, class Exponent> struct power : node<power<Base, Exponent>> {};
/// Rule(args...) for an elementary function of the rule table (rules.hpp).
template <class Rule, class... Args> struct call : node<call<Rule, Args...>> {};

// ---- branches: conditions and select (select.hpp builds them) -----------------------------
// A condition is a node whose value is 1 where it holds and 0 where it does not; it is not a
// number to compute with (Argument refuses it), only the first operand of select and of the
// logical operators. Comparisons are kept as a < b and a <= b (a > b is b < a).
/// A condition known at compile time: 1_c > 0_c is truth<true>.
template <bool Value> struct truth : node<truth<Value>>, detail::condition_tag {};
/// a < b
template <class A, class B> struct less_than : node<less_than<A, B>>, detail::condition_tag {};
/// a <= b
template <class A, class B> struct less_or_equal : node<less_or_equal<A, B>>, detail::condition_tag {};
/// !c
template <class C> struct not_of : node<not_of<C>>, detail::condition_tag {};
/// c1 && c2 && ...: flattened, conditions in canonical order, each once.
template <class... Cs> struct and_of : node<and_of<Cs...>>, detail::condition_tag {};
/// c1 || c2 || ...: flattened, conditions in canonical order, each once.
template <class... Cs> struct or_of : node<or_of<Cs...>>, detail::condition_tag {};
/// a where the condition c holds, else b.
template <class C, class A, class B> struct select_of : node<select_of<C, A, B>> {};

/// An expression tree together with the N plain numbers its runtime_constant leaves refer to,
/// kept as Number: double, or long double when a long double was given (x * 1e-400L).
template <class Tree, std::size_t N, class Number = double> struct with_numbers;

namespace detail {
template <class Tree, std::size_t N, class Number> struct is_with_numbers<with_numbers<Tree, N, Number>>
    : std::true_type {};
template <rational R> struct is_constant<constant<R>> : std::true_type {};
}  // namespace detail

namespace detail {
template <class Tree, std::size_t N, class Number> struct tree_of<with_numbers<Tree, N, Number>> { using type = Tree; };
/// How many plain numbers an expression keeps: numbers_count<E>::value (a class, not a variable
/// template: each variable is a symbol named after E, which GCC mangles, detail/combine.hpp).
template <class T> struct numbers_count : std::integral_constant<std::size_t, 0> {};
template <class Tree, std::size_t N, class Number> struct numbers_count<with_numbers<Tree, N, Number>>
    : std::integral_constant<std::size_t, N> {};
/// The type an expression keeps its plain numbers in.
template <class T> struct number_type_of { using type = double; };
template <class Tree, std::size_t N, class Number> struct number_type_of<with_numbers<Tree, N, Number>> {
    using type = Number;
};
template <class T> using number_type_t = typename number_type_of<T>::type;

/// The plain numbers of an expression, kept in with_numbers' base.
template <class Number, std::size_t N> struct numbers_holder { std::array<Number, N> numbers{}; };
// numbers_of takes an expression by its bases (a node, or with_numbers' numbers_holder), so that
// it is a function named after Number and N, not after the expression's whole tree: GCC 12's
// mangler searches a name's substitutions linearly, and a function named after a tree of
// thousands of nodes costs it time quadratic in the name (detail/combine.hpp says more).
constexpr std::array<double, 0> numbers_of(node_tag const&) { return {}; }
template <class Number, std::size_t N> constexpr std::array<Number, N> numbers_of(numbers_holder<Number, N> const& e) {
    return e.numbers;
}

}  // namespace detail

template <class Tree, std::size_t N, class Number> struct with_numbers : detail::numbers_holder<Number, N> {
    template <class... Bindings> [[gnu::always_inline]] constexpr auto operator()(Bindings const&... bindings) const {
        return detail::evaluate<Tree>(this->numbers, bindings...);
    }
};

namespace detail {
/// The operands of a node, as a type list (empty for leaves).
template <class T> struct children { using type = type_list<>; };
template <class... Ts> struct children<sum_of<Ts...>> { using type = type_list<Ts...>; };
template <class... Fs> struct children<product_of<Fs...>> { using type = type_list<Fs...>; };
template <class B, class E> struct children<power<B, E>> { using type = type_list<B, E>; };
template <class Rule, class... Args> struct children<call<Rule, Args...>> { using type = type_list<Args...>; };
template <class A, class B> struct children<less_than<A, B>> { using type = type_list<A, B>; };
template <class A, class B> struct children<less_or_equal<A, B>> { using type = type_list<A, B>; };
template <class C> struct children<not_of<C>> { using type = type_list<C>; };
template <class... Cs> struct children<and_of<Cs...>> { using type = type_list<Cs...>; };
template <class... Cs> struct children<or_of<Cs...>> { using type = type_list<Cs...>; };
template <class C, class A, class B> struct children<select_of<C, A, B>> { using type = type_list<C, A, B>; };

}  // namespace detail

}  // namespace leibniz
