#pragma once
// d(f, x): the derivative as an expression, built at compile time by the sum, product,
// quotient (a product with a power -1) and chain rules, each local derivative read from the
// rule table, every intermediate passed through the canonicalizer.
#include <cstddef>
#include <initializer_list>
#include <tuple>
#include <type_traits>
#include <utility>

#include "detail/canonical.hpp"
#include "detail/canonical_branches.hpp"
#include "detail/combine.hpp"
#include "detail/refusals.hpp"
#include "detail/type_list.hpp"
#include "expression.hpp"
#include "functions.hpp"
#include "operators.hpp"

namespace leibniz {

namespace detail {

template <class E, class X> struct derivative_of { using type = zero; };  // constants, other variables
template <class E, class X> using derivative_tree = typename derivative_of<E, X>::type;

template <fixed_string Name, int I> struct derivative_of<var<Name, I>, var<Name, I>> { using type = one; };

// (f + g)' = f' + g'
template <class... Ts, class X> struct derivative_of<sum_of<Ts...>, X> {
    using type = make_sum<derivative_tree<Ts, X>...>;
};

// (f g h)' = f' g h + f g' h + f g h'
template <class... Fs, class X> struct derivative_of<product_of<Fs...>, X> {
    using factors = type_list<Fs...>;
    template <std::size_t I, std::size_t... J> static auto term(std::index_sequence<J...>) {
        if constexpr (std::is_same_v<derivative_tree<at_t<I, factors>, X>, zero>) return zero{};
        else return make_product<std::conditional_t<I == J, derivative_tree<Fs, X>, Fs>...>{};
    }
    template <std::size_t... I> static auto terms(std::index_sequence<I...> all) -> make_sum<decltype(term<I>(all))...>;
    using type = decltype(terms(std::index_sequence_for<Fs...>{}));
};

// select(c, a, b)' = select(c, a', b'): the taken arm's derivative, also at the switching point
template <class C, class A, class B, class X> struct derivative_of<select_of<C, A, B>, X> {
    using type = make_select<C, derivative_tree<A, X>, derivative_tree<B, X>>;
};

// (b^e)' = e b^(e-1) b' when e is constant in x (the partial of the pow rule); otherwise, by
// logarithmic differentiation, b^e (e log b)', the textbook form x^x (log x + 1).
template <class B, class E, class X> struct derivative_of<power<B, E>, X> {
    static auto compute() {
        using dB = derivative_tree<B, X>;
        if constexpr (!std::is_same_v<derivative_tree<E, X>, zero>)
            return make_product<power<B, E>, derivative_tree<make_product<E, make_call<rules::log_fn, B>>, X>>{};
        else if constexpr (std::is_same_v<dB, zero>) return zero{};
        else return make_product<decltype(rules::pow_fn::base_partial(B{}, E{})), dB>{};
    }
    using type = decltype(compute());
};

// ---- chains: f(g(h(...)))' = f'(g(...)) g'(h(...)) h'(...) ..., one product ---------------
// Along a chain the factors are gathered in a list and made one canonical product at the
// chain's top: d of sin(sin(...(x))) of depth n canonicalises one product of n factors instead
// of n products of 1, 2, ..., n factors, each sorted again (a chain of depth 128: 13 s with
// GCC, and quadratic).

/// Whether E depends on the variable X (one instantiation per subexpression).
template <class E, class X, class Children = typename children<E>::type> struct depends_on;
template <class E, class X, class... Cs> struct depends_on<E, X, type_list<Cs...>>
    : std::bool_constant<std::is_same_v<E, X> || any_of({depends_on<Cs, X>::value...})> {};

// A call's local derivatives as expressions, in a std::tuple, one per argument: the rule's
// derivative(a, y) or partials(a, b, ..., y) called with the arguments and the call itself as y.
// A user's rule may compute its derivative on numbers only, or build it with a runtime number
// (0.5 * x, whose value a type cannot hold): d refuses both with a sentence (refusals.hpp), and
// the derivative is taken as 0 so that the sentence is the only error.
template <class Rule, class... Args> struct symbolic_partials_given {
    static auto given() {
        if constexpr (sizeof...(Args) == 1) {
            if constexpr (requires { Rule::derivative(Args{}..., call<Rule, Args...>{}); })
                return std::tuple<decltype(Rule::derivative(Args{}..., call<Rule, Args...>{}))>{};
            else return;
        } else {
            if constexpr (requires { Rule::partials(Args{}..., call<Rule, Args...>{}); }) {
                using all = decltype(Rule::partials(Args{}..., call<Rule, Args...>{}));
                return [&]<std::size_t... I>(std::index_sequence<I...>) {
                    return std::tuple<std::remove_cvref_t<std::tuple_element_t<I, all>>...>{};
                }
                (std::index_sequence_for<Args...>{});
            } else return;
        }
    }
    using given_type = decltype(given());
    static constexpr bool symbolic = !std::is_void_v<given_type>;
    static constexpr bool all_static = []() consteval {
        if constexpr (!symbolic) return false;
        else
            return []<class... P>(std::tuple<P...>*) {
                return (StaticExpression<P> && ...);
            }(static_cast<given_type*>(nullptr));
    }
    ();
};
/// Whether d can differentiate a call of Rule: its derivative, called with expressions, is one
/// whose type holds it (check_derivatives asks, to leave out the symbolic engine where not).
template <class Rule, class... Args> inline constexpr bool derivative_is_symbolic =
    symbolic_partials_given<Rule, Args...>::all_static;
template <class Node> inline constexpr bool node_derivative_is_symbolic = true;
template <class Rule, class... Args> inline constexpr bool node_derivative_is_symbolic<call<Rule, Args...>> =
    derivative_is_symbolic<Rule, Args...>;

template <class Rule, class... Args> struct symbolic_partials : symbolic_partials_given<Rule, Args...> {
    using base = symbolic_partials_given<Rule, Args...>;
    using given_type = typename base::given_type;
    static constexpr bool all_static = base::all_static;
    using refused = typename refuse_numeric_derivative<base::symbolic, all_static || !base::symbolic>::type;
    template <class> using zero_for = zero;
    template <std::size_t I> using at =
        std::tuple_element_t<I, std::conditional_t<all_static, given_type, std::tuple<zero_for<Args>...>>>;
};

template <class Factor, class Rest> struct chain_link {};  // Factor times the factors of Rest
template <class Last> struct chain_end {};

/// The factors of dE/dX for E that depends on X, as chain_link<f'(g), chain_link<g'(h), ...
/// chain_end<the derivative where the chain stops>>>: the chain runs through unary calls, rational
/// powers, c * g, and sums with one term that depends on X.
template <class E, class X> struct chain_factors { using type = chain_end<derivative_tree<E, X>>; };
template <class Rule, class A, class X> struct chain_factors<call<Rule, A>, X> {
    using type = chain_link<typename symbolic_partials<Rule, A>::template at<0>, typename chain_factors<A, X>::type>;
};
template <class B, rational R, class X> struct chain_factors<power<B, constant<R>>, X> {
    using type =
        chain_link<decltype(rules::pow_fn::base_partial(B{}, constant<R>{})), typename chain_factors<B, X>::type>;
};
template <rational C, class F, class X> struct chain_factors<product_of<constant<C>, F>, X> {
    using type = chain_link<constant<C>, typename chain_factors<F, X>::type>;
};
template <class... Ts, class X>
requires(sizeof...(Ts) > 1) struct chain_factors<sum_of<Ts...>, X> {
    // (type_list.hpp's count_true, not a lambda: a lambda here is three symbols named after the sum)
    static constexpr std::size_t dependent = count_true(std::initializer_list<bool>{depends_on<Ts, X>::value...});
    static auto term() {
        if constexpr (dependent != 1) return chain_end<derivative_tree<sum_of<Ts...>, X>>{};
        else {
            constexpr std::size_t at = first_true({depends_on<Ts, X>::value...});
            return typename chain_factors<at_t<at, type_list<Ts...>>, X>::type{};
        }
    }
    using type = decltype(term());
};

template <class Chain, class Factors = type_list<>> struct chain_product;
template <class F, class Rest, class... Fs> struct chain_product<chain_link<F, Rest>, type_list<Fs...>>
    : chain_product<Rest, type_list<Fs..., F>> {};
template <class Last, class... Fs> struct chain_product<chain_end<Last>, type_list<Fs...>> {
    using type = make_product<Fs..., Last>;
};

// f(g)' = f'(g) g', the whole chain below f in one product
template <class Rule, class A, class X> struct derivative_of<call<Rule, A>, X> {
    static auto compute() {
        if constexpr (!depends_on<A, X>::value) return zero{};
        else return typename chain_product<typename chain_factors<call<Rule, A>, X>::type>::type{};
    }
    using type = decltype(compute());
};

// f(a, b, ...)' = f_a a' + f_b b' + ...
template <class Rule, class A, class B, class... Cs, class X> struct derivative_of<call<Rule, A, B, Cs...>, X> {
    template <std::size_t... I> static auto compute(std::index_sequence<I...>) {
        if constexpr (std::is_same_v<derivative_tree<A, X>, zero> && std::is_same_v<derivative_tree<B, X>, zero> &&
                      (std::is_same_v<derivative_tree<Cs, X>, zero> && ...))
            return zero{};
        else {
            using partials = symbolic_partials<Rule, A, B, Cs...>;
            return make_sum<make_product<typename partials::template at<I>,
                                         derivative_tree<at_t<I, type_list<A, B, Cs...>>, X>>...>{};
        }
    }
    using type = decltype(compute(std::make_index_sequence<2 + sizeof...(Cs)>{}));
};

/// The first misuse of a call of d, gradient, ... (named Call), refused with its sentence
/// (refusals.hpp's differentiation_refused): F the function argument, IsFunction whether it is
/// an expression (or, for TakesOutputs calls, outputs(f, g)), then whether any targets were
/// named and whether all are valid.
template <fixed_string Call, bool IsFunction, bool TakesOutputs, bool AnyTargets, bool TargetsValid, class F>
constexpr bool refuse_differentiation() {
    constexpr differentiation_misuse why = []() consteval {
        if constexpr (Scalar<F>) return differentiation_misuse::plain_number;
        else if constexpr (!IsFunction && TakesOutputs) return differentiation_misuse::not_outputs;
        else if constexpr (!IsFunction) return differentiation_misuse::not_an_expression;
        else if constexpr (!AnyTargets) return differentiation_misuse::no_variables;
        else if constexpr (!TargetsValid)
            return Call.view() == "d" ? differentiation_misuse::d_not_variable : differentiation_misuse::not_variables;
        else return differentiation_misuse::none;
    }
    ();
    return differentiation_refused<Call, why>::value;
}

template <class F, class X> constexpr auto derivative_once(F const& f, X) {
    using result =
        expression_of<derivative_tree<typename tree_of<F>::type, X>, number_type_t<F>, numbers_count<F>::value>;
    if constexpr (is_with_numbers<result>::value) return result{{numbers_of(f)}};
    else return result{};
}

}  // namespace detail

/// d(f, x) = df/dx;  d(f, x, y) = d/dy (df/dx), any number of variables in any order.
///     static_assert(d(sin(x * x), x) == 2_c * x * cos(x * x));
template <Expression F, Variable... Xs>
requires(sizeof...(Xs) >= 1) constexpr auto d(F const& f, Xs const&... xs) {
    static_cast<void>(detail::refuse_differentiating_a_condition<Condition<F>>{});
    if constexpr (sizeof...(Xs) == 1) return detail::derivative_once(f, xs...);
    else
        return [&]<class X, class... Rest>(X const& x, Rest const&... rest) {
            return d(detail::derivative_once(f, x), rest...);
        }(xs...);
}

template <class F, class... Xs>
requires(!(Expression<F> && (Variable<Xs> && ...) && sizeof...(Xs) >= 1)) constexpr auto d(F const&, Xs const&...) {
    return detail::refuse_differentiation<"d", Expression<F>, false, sizeof...(Xs) >= 1, (Variable<Xs> && ...), F>();
}

/// The type of d(F{}, X{}).
template <Expression F, Variable X> using derivative_t =
    decltype(d(std::declval<F const&>(), std::remove_cvref_t<X>{}));

}  // namespace leibniz
