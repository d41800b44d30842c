#pragma once
// Names for the types of derivative functions, so that one can be a class member without
// decltype(jacobian(...)) written out: jacobian_t<F, X...> is the type of jacobian(f, x...),
// for F the type of f (an expression, or outputs(...)'s) and X... those of the variables and
// families. An expression without plain numbers gives a function that is all type, and the
// member needs no initializer; one with numbers is initialized from the expression, once:
//     struct rhs { leibniz::jacobian_t<decltype(robertson), decltype(y)> jacobian; };
//     struct cost { jacobian_t<R, C> j; explicit cost(double o) : j(leibniz::jacobian(residual(o), cam)) {} };
#include <utility>

#include "gradient.hpp"

namespace leibniz {

/// The type of gradient(f, xs...): gradient_t<decltype(f), var<"x">, var_array<"w", 3>>.
template <class F, class... Xs> using gradient_t =
    decltype(gradient(std::declval<F const&>(), std::declval<Xs const&>()...));

/// The type of value_and_gradient(f, xs...).
template <class F, class... Xs> using value_and_gradient_t =
    decltype(value_and_gradient(std::declval<F const&>(), std::declval<Xs const&>()...));

/// The type of jacobian(f, xs...), f an expression or outputs(...).
template <class F, class... Xs> using jacobian_t =
    decltype(jacobian(std::declval<F const&>(), std::declval<Xs const&>()...));

/// The type of value_and_jacobian(f, xs...), f an expression or outputs(...).
template <class F, class... Xs> using value_and_jacobian_t =
    decltype(value_and_jacobian(std::declval<F const&>(), std::declval<Xs const&>()...));

/// The type of hessian(f, xs...).
template <class F, class... Xs> using hessian_t =
    decltype(hessian(std::declval<F const&>(), std::declval<Xs const&>()...));

/// The type of outputs(fs...).
template <class... Fs> using outputs_t = decltype(outputs(std::declval<Fs const&>()...));

}  // namespace leibniz
