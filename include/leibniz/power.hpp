#pragma once
// Powers: pow, sqrt, cbrt, square; on numbers with an exact rational exponent they compute as
// by hand (detail/rational_power.hpp).
#include <cmath>
#include <type_traits>

#include "detail/apply.hpp"
#include "detail/combine.hpp"
#include "detail/rational_power.hpp"
#include "evaluate.hpp"
#include "expression.hpp"
#include "fwd.hpp"
#include "rules.hpp"

namespace leibniz {
namespace detail {

template <class... Operands> struct make_power_of;
template <class B, class E> struct make_power_of<B, E> : make_power_t<B, E> {};

}  // namespace detail

/// x^e, where e is a rational (3_c, c<1, 3>), a plain number or an expression.   pow(x, 3_c)
template <Argument X, Argument E> constexpr auto pow(X const& x, E const& e) {
    if constexpr (detail::any_symbolic<X, E> || detail::all_static<X, E>) {
        return detail::combine<detail::make_power_of>(x, e);
    } else if constexpr (RationalConstant<E>) {
        using T = detail::scalar_result_t<X>;
        return detail::rational_power<E::value>(static_cast<T>(x));
    } else {
        return apply<rules::pow_fn>(x, e);
    }
}
/// square root (x^(1/2)); sqrt'(0) = +infinity                      sqrt(x)
template <Argument X> constexpr auto sqrt(X const& x) { return pow(x, c<1, 2>); }
/// real cube root (x^(1/3)), also of negative x                     cbrt(x)
template <Argument X> constexpr auto cbrt(X const& x) { return pow(x, c<1, 3>); }
/// x^2                                                               square(x)
template <Argument X> constexpr auto square(X const& x) { return pow(x, c<2>); }

}  // namespace leibniz
