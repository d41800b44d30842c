#pragma once
// Your own elementary function, written once, in every engine. A rule is a struct:
//
//   struct bessel_j0_rule {
//       static constexpr std::string_view name = "J0";             // how it prints
//       static constexpr std::string_view latex = "J_0";           // optional; else \operatorname{J0}
//       template <class X> static auto value(X const& x) { return boost::math::cyl_bessel_j(0, x); }
//       template <class X, class Y> static auto derivative(X const& x, Y const&) { return -j1(x); }
//   };
//   inline constexpr leibniz::function<bessel_j0_rule> j0{};
//
// and j0(x) is an expression (evaluation, d, gradient, jacobian, hessian, printing, to_dot),
// j0(2.0) a number, and j0(a) of a tape::var a recorded operation. With two or more
// arguments the rule gives partials(a, b, ..., y) instead of derivative(x, y): one partial per
// argument, as a std::pair, std::tuple or std::array. Both are called with numbers (the reverse
// sweep, the tape) and, for d and hessian, with expressions; a derivative that can only compute
// numbers takes doubles (or is constrained to floating-point types), and d and hessian refuse
// such a rule with a sentence while gradient, jacobian and the tape use it. Optional members, as
// the library's own rules have them (rules.hpp): derivative_can_be_infinite = true where the
// derivative is infinite at a finite argument (the reverse sweep then gives 0 where the adjoint
// is 0, as the tape does); exact(r...) for values that are exact rationals.
//
// Two rules are never confused: a rule is told apart by its type, not by its name
// (detail/rule_identity.hpp), so a rule named "sin" is not leibniz's sin.
//
// with_derivative<"name">(value, derivative) makes a function from two generic lambdas: a
// user-given derivative for a formula (the custom derivative of JAX and Clad), for example a
// numerically stable form the rules would not find.
#include <concepts>
#include <cstddef>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "detail/fixed_string.hpp"
#include "detail/refusals.hpp"
#include "expression.hpp"
#include "functions.hpp"

namespace leibniz {

namespace detail {

// std::tuple<double, ...> of N doubles: the arguments a rule is checked with
template <std::size_t, class T> using repeated = T;
template <class Indices> struct doubles_for;
template <std::size_t... I> struct doubles_for<std::index_sequence<I...>> {
    using type = std::tuple<repeated<I, double>...>;
};
template <std::size_t N> using numbers_for = typename doubles_for<std::make_index_sequence<N>>::type;

template <class T, std::size_t N>
concept tuple_like_of = requires {
    typename std::tuple_size<std::remove_cvref_t<T>>::type;
}
&&std::tuple_size_v<std::remove_cvref_t<T>> == N;

template <class Rule>
concept rule_has_name = requires {
    { Rule::name } -> std::convertible_to<std::string_view>;
};
template <class Rule, class Doubles> inline constexpr bool rule_has_value = false;
template <class Rule, class... D> inline constexpr bool rule_has_value<Rule, std::tuple<D...>> = requires(D... x) {
    Rule::value(x...);
};
template <class Rule, class Doubles> inline constexpr bool rule_has_partials = false;
template <class Rule, class... D> inline constexpr bool rule_has_partials<Rule, std::tuple<D...>> = requires(D... x) {
    { Rule::partials(x..., 1.0) } -> tuple_like_of<sizeof...(D)>;
};

template <class Rule, std::size_t Arity> constexpr bool rule_has_derivatives() {
    if constexpr (Arity == 1) return requires(double x) {
            Rule::derivative(x, x);
        };
    else return rule_has_partials<Rule, numbers_for<Arity>>;
}

}  // namespace detail

/// A rule for an elementary function of Arity arguments (the protocol above): a name, a value
/// on numbers, and its derivative (one argument) or partials (two or more) on numbers.
template <class Rule, std::size_t Arity>
concept function_rule = Arity >= 1 &&
                        detail::rule_has_name<Rule>&& detail::rule_has_value<Rule, detail::numbers_for<Arity>>&&
                        detail::rule_has_derivatives<Rule, Arity>();

namespace detail {
// Whether Rule has a member of a name, without calling it: a rule's derivative may call another
// function whose derivative calls this one (J0' = -J1, J1' = J0 - J1/x), and calling it to check
// it would deduce one return type while deducing the other. The lookup of `derivative` in a class
// derived from Rule and from a class with a member of that name is ambiguous exactly when Rule
// has one too.
struct fallback_derivative {
    int derivative;
};
struct fallback_partials {
    int partials;
};
template <class Rule, class Fallback> struct with_fallback : Rule, Fallback {};
template <class Rule>
concept names_derivative = !std::is_class_v<Rule> || std::is_final_v<Rule> || !requires {
    &with_fallback<Rule, fallback_derivative>::derivative;
};
template <class Rule>
concept names_partials = !std::is_class_v<Rule> || std::is_final_v<Rule> || !requires {
    &with_fallback<Rule, fallback_partials>::partials;
};

// Each missing member of a rule, with its own sentence, in the order a reader would add them.
template <class Rule, std::size_t Arity> constexpr bool check_function_rule() {
    static_assert(Arity >= 1, "leibniz::function<Rule>: a function takes at least one argument, as in f(x)");
    static_assert(rule_has_name<Rule>,
                  "leibniz::function<Rule>: the rule has no name; add static constexpr std::string_view name = \"f\"; "
                  "(how the function prints)");
    if constexpr (rule_has_name<Rule>)
        static_assert(!std::string_view(Rule::name).empty(),
                      "leibniz::function<Rule>: the rule's name is empty; give it one, as in name = \"f\"");
    static_assert(rule_has_value<Rule, numbers_for<Arity>>,
                  "leibniz::function<Rule>: the rule has no value(...) for this many arguments; add "
                  "template <class X> static auto value(X const& x) { ... } with one parameter per argument, "
                  "called with numbers (double, float, long double)");
    if constexpr (Arity == 1)
        static_assert(
            names_derivative<Rule>,
            "leibniz::function<Rule>: the rule has no derivative(x, y); add template <class X, class Y> static "
            "auto derivative(X const& x, Y const& y) returning f'(x), given x and y = f(x) (with leibniz's "
            "functions it also works in d and hessian; on doubles only, in gradient, jacobian and the tape)");
    else
        static_assert(
            names_partials<Rule>,
            "leibniz::function<Rule>: a rule of two or more arguments has partials(a, b, ..., y), one partial "
            "per argument given the arguments and y = f(a, b, ...), returned as a std::pair, std::tuple or "
            "std::array of that many numbers (as leibniz's atan2, hypot and pow have: rules.hpp)");
    return Arity >= 1 && rule_has_name<Rule> && rule_has_value<Rule, numbers_for<Arity>> &&
           (Arity == 1 ? names_derivative<Rule> : names_partials<Rule>);
}
}  // namespace detail

/// A function from a rule: f(x, ...) on expressions builds a node of the expression, on numbers
/// computes Rule::value, on tape::vars records one operation.
///     inline constexpr leibniz::function<my_rule> f{};     f(x * y), f(2.0), f(tape_var)
template <class Rule> struct function {
    template <class... Args> constexpr auto operator()(Args const&... args) const {
        // the members are checked by name here, and called where an engine needs them
        constexpr bool complete = detail::check_function_rule<Rule, sizeof...(Args)>();
        if constexpr (!complete) return;
        else {
            static_assert((FunctionArgument<Args> && ...),
                          "leibniz::function: each argument is a leibniz expression, a number or a tape::var");
            if constexpr ((FunctionArgument<Args> && ...)) return apply<Rule>(args...);
        }
    }
};

namespace detail {
// A captureless lambda can be made again from its type, so the rule holds only types.
template <fixed_string Name, class Value, class Derivative> struct lambda_rule {
    static constexpr std::string_view name = Name.view();
    template <class... X> static constexpr auto value(X const&... x) {
        auto const v = Value{}(x...);
        if constexpr (Expression<decltype(v)>) return v();  // 1_c + x on a double is still a closed expression
        else return v;
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const& y) { return Derivative{}(x, y); }
    template <class... X> static constexpr auto partials(X const&... x) { return Derivative{}(x...); }
};
}  // namespace detail

/// A function with a derivative you give: with_derivative<"softplus2">(value, derivative), where
/// value(x, ...) computes the function on numbers (or on expressions), and derivative(x, y) (one
/// argument) or derivative(a, b, ..., y) (returning one partial per argument) its derivative
/// given the arguments and y, the value. Both are generic lambdas without captures.
///     constexpr auto log1pexp = with_derivative<"log1pexp">([](auto x) { return log1p(exp(x)); },
///                                                           [](auto x, auto) { return sigmoid(x); });
template <detail::fixed_string Name, class Value, class Derivative>
constexpr auto with_derivative(Value const&, Derivative const&) {
    static_assert(
        std::is_empty_v<Value> && std::is_default_constructible_v<Value> && std::is_empty_v<Derivative> &&
            std::is_default_constructible_v<Derivative>,
        "leibniz::with_derivative: the value and the derivative are lambdas without captures (the function is "
        "a type, and holds no runtime state); pass what a capture would hold as an argument of the function");
    return function<detail::lambda_rule<Name, Value, Derivative>>{};
}

}  // namespace leibniz
