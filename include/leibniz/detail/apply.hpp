#pragma once
// Rule applied to arguments, the one step every function front-end takes (functions.hpp,
// power.hpp, function.hpp): with an expression among the arguments it builds the node
// call<Rule, ...> through the canonical form, with plain numbers it computes Rule::value in the
// arguments' common type, with a tape::var among them it records one operation on the tape.
// Below the rules and the front-ends, so that each includes it.
#include <type_traits>

#include "combine.hpp"
#include "refusals.hpp"
#include "../concepts.hpp"
#include "../expression.hpp"

namespace leibniz {

namespace tape::detail {
// Rule(args...) recorded, its value and partials read from the rule (tape/functions.hpp).
template <class Rule, class... Args> var record_rule(Args const&... args);
}  // namespace tape::detail

namespace detail {
template <class T> using scalar_result_t = std::conditional_t<std::is_integral_v<T>, double, T>;
// concepts, not variable templates: a variable is a symbol named after the arguments (combine.hpp)
template <class... Args>
concept any_symbolic = (Symbolic<Args> || ...);
template <class... Args>
concept all_static = (StaticExpression<Args> && ...);

template <class Rule> struct make_call_of { template <class... Args> using type = make_call_t<Rule, Args...>; };

// A plain number, or a closed expression (3_c, pi_c), as a number of type T.
template <class T, class X> constexpr T numeric_value(X const& x) {
    if constexpr (Number<X>) return to_number<T>(x);
    else return to_number<T>(x());
}
// The type a numeric computation runs in: the common type of the plain numbers among the
// operands; a closed expression such as 0.5_c takes the other operand's type, and so does a
// plain number met with a number class (simd lanes, a Jet): 2.0 * lanes is in lanes.
struct no_number_yet {};
template <class T, class A> struct widen_by { using type = T; };
template <Scalar A> struct widen_by<no_number_yet, A> { using type = scalar_result_t<A>; };
template <class T, Scalar A>
requires(!NumberLike<T>) struct widen_by<T, A> {
    using type = std::common_type_t<T, scalar_result_t<A>>;
};
template <class T, NumberLike A>
requires(!NumberLike<T>) struct widen_by<T, A> {
    using type = A;
};
template <NumberLike T, NumberLike A> struct widen_by<T, A> {
    static_assert(std::is_same_v<T, A>,
                  "leibniz: two different number classes meet in one computation (lanes and Jets, two widths of "
                  "lanes?); compute in one of them");
    using type = T;
};
template <class T, class... Args> struct numeric_type {
    using type = std::conditional_t<std::is_same_v<T, no_number_yet>, double, T>;
};
template <class T, class A, class... Rest> struct numeric_type<T, A, Rest...>
    : numeric_type<typename widen_by<T, A>::type, Rest...> {};
template <class... Args> using numeric_type_t = typename numeric_type<no_number_yet, Args...>::type;

}  // namespace detail

/// Rule applied to arguments: a node of the expression if any argument is an expression, an
/// operation of the tape if any is a tape::var, otherwise the number Rule::value(args...).
template <class Rule, FunctionArgument... Args> constexpr auto apply(Args const&... args) {
    if constexpr ((std::is_same_v<Args, tape::var> || ...)) {
        if constexpr (detail::any_symbolic<Args...>) return detail::refuse_tape_with_expression<tape::var>(args...);
        else return tape::detail::record_rule<Rule>(args...);
    } else if constexpr (detail::any_symbolic<Args...> || detail::all_static<Args...>)
        return detail::combine<detail::make_call_of<Rule>::template type>(args...);
    else {
        using T = detail::numeric_type_t<Args...>;
        return Rule::value(detail::numeric_value<T>(args)...);
    }
}

}  // namespace leibniz
