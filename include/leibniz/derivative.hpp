#pragma once
// d(f, x): the derivative as an expression, built at compile time by the sum, product,
// quotient (a product with a power -1) and chain rules, each local derivative read from the
// rule table, every intermediate passed through the canonicalizer.
#include <type_traits>

#include "detail/canonical.hpp"
#include "detail/combine.hpp"
#include "expression.hpp"
#include "functions.hpp"
#include "operators.hpp"

namespace leibniz {

/// A single variable: var<"x">, or one member w[3_c] of a family.
template <class T> concept Variable = detail::is_variable<std::remove_cvref_t<T>>::value;

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
    template <std::size_t... I> static auto terms(std::index_sequence<I...> all)
        -> make_sum<decltype(term<I>(all))...>;
    using type = decltype(terms(std::index_sequence_for<Fs...>{}));
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

// f(g)' = f'(g) g'
template <class Rule, class A, class X> struct derivative_of<call<Rule, A>, X> {
    static auto compute() {
        using dA = derivative_tree<A, X>;
        if constexpr (std::is_same_v<dA, zero>) return zero{};
        else return make_product<decltype(Rule::derivative(A{}, call<Rule, A>{})), dA>{};
    }
    using type = decltype(compute());
};

// f(a, b)' = f_a a' + f_b b'
template <class Rule, class A, class B, class X> struct derivative_of<call<Rule, A, B>, X> {
    static auto compute() {
        using dA = derivative_tree<A, X>;
        using dB = derivative_tree<B, X>;
        if constexpr (std::is_same_v<dA, zero> && std::is_same_v<dB, zero>) return zero{};
        else {
            using partials = decltype(Rule::partials(A{}, B{}, call<Rule, A, B>{}));
            return make_sum<make_product<typename partials::first_type, dA>,
                            make_product<typename partials::second_type, dB>>{};
        }
    }
    using type = decltype(compute());
};

template <class F, class X> constexpr auto derivative_once(F const& f, X) {
    using tree = derivative_tree<typename tree_of<F>::type, X>;
    return finish_expression<tree>(numbers_of(f));
}

}  // namespace detail

/// d(f, x) = df/dx;  d(f, x, y) = d/dy (df/dx), any number of variables in any order.
///     static_assert(d(sin(x * x), x) == 2_c * x * cos(x * x));
template <Expression F, Variable... Xs> requires(sizeof...(Xs) >= 1)
constexpr auto d(F const& f, Xs const&... xs) {
    if constexpr (sizeof...(Xs) == 1) return detail::derivative_once(f, xs...);
    else return [&]<class X, class... Rest>(X const& x, Rest const&... rest) {
        return d(detail::derivative_once(f, x), rest...);
    }(xs...);
}

template <class F, class... Xs> requires(!(Expression<F> && (Variable<Xs> && ...) && sizeof...(Xs) >= 1))
constexpr auto d(F const&, Xs const&...) {
    // A plain number is refused rather than differentiated to 0: more often than an expression
    // whose variables cancelled (1.5 + sin(x - x) is the double 1.5), it is a value passed by
    // mistake (d(f(x = 2.0), x)), whose derivative 0 would be a silently wrong answer.
    static_assert(!Scalar<F>, "leibniz::d(f, x): f is a plain number, not an expression: either a value such as "
                              "f(x = 2.0) passed by mistake, or an expression whose variables cancelled (1.5 + sin(x - x) "
                              "is the double 1.5), whose derivative is 0_c; generic code can test "
                              "leibniz::Expression<decltype(f)> first");
    static_assert(Expression<F> || Scalar<F>, "leibniz::d(f, x): f must be a leibniz expression built from var<\"x\"> variables");
    static_assert(sizeof...(Xs) >= 1, "leibniz::d(f, x): name at least one variable to differentiate by, e.g. d(f, x)");
    static_assert((Variable<Xs> && ...),
                  "leibniz::d(f, x): differentiate by a variable (var<\"x\">, or w[3_c] of a family), not by an "
                  "expression or a number; to differentiate by an expression, give it a variable of its own");
}

/// The type of d(F{}, X{}).
template <Expression F, Variable X> using derivative_t = decltype(d(std::declval<F const&>(), std::remove_cvref_t<X>{}));

}  // namespace leibniz
