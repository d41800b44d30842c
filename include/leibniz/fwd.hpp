#pragma once
// The function front-ends, declared: what a rule's derivative may call (sigmoid for softplus',
// heaviside for relu', cos for sin'), so that rules.hpp includes only what is above it and
// functions.hpp, which defines them, includes the rules (Hana's fwd/ layer, in one header).
#include "detail/combine.hpp"
#include "expression.hpp"

namespace leibniz {

template <Argument X, Argument E> constexpr auto pow(X const& x, E const& e);
template <Argument X> constexpr auto sqrt(X const& x);
template <Argument X> constexpr auto cbrt(X const& x);
template <Argument X> constexpr auto square(X const& x);
template <FunctionArgument X> constexpr auto exp(X const& x);
template <FunctionArgument X> constexpr auto expm1(X const& x);
template <FunctionArgument X> constexpr auto log(X const& x);
template <FunctionArgument X> constexpr auto log1p(X const& x);
template <FunctionArgument X> constexpr auto log2(X const& x);
template <FunctionArgument X> constexpr auto log10(X const& x);
template <FunctionArgument X> constexpr auto exp2(X const& x);
template <FunctionArgument X> constexpr auto sin(X const& x);
template <FunctionArgument X> constexpr auto cos(X const& x);
template <FunctionArgument X> constexpr auto tan(X const& x);
template <FunctionArgument X> constexpr auto asin(X const& x);
template <FunctionArgument X> constexpr auto acos(X const& x);
template <FunctionArgument X> constexpr auto atan(X const& x);
template <FunctionArgument Y, FunctionArgument X> constexpr auto atan2(Y const& y, X const& x);
template <FunctionArgument X> constexpr auto sinh(X const& x);
template <FunctionArgument X> constexpr auto cosh(X const& x);
template <FunctionArgument X> constexpr auto tanh(X const& x);
template <FunctionArgument X> constexpr auto asinh(X const& x);
template <FunctionArgument X> constexpr auto acosh(X const& x);
template <FunctionArgument X> constexpr auto atanh(X const& x);
template <FunctionArgument X> constexpr auto sigmoid(X const& x);
template <FunctionArgument X> constexpr auto softplus(X const& x);
template <FunctionArgument X> constexpr auto relu(X const& x);
template <FunctionArgument X> constexpr auto abs(X const& x);
template <FunctionArgument X> constexpr auto sign(X const& x);
template <FunctionArgument X> constexpr auto heaviside(X const& x);
template <FunctionArgument X> constexpr auto erf(X const& x);
template <FunctionArgument X> constexpr auto erfc(X const& x);
template <FunctionArgument X> constexpr auto floor(X const& x);
template <FunctionArgument X> constexpr auto ceil(X const& x);
template <FunctionArgument X> constexpr auto round(X const& x);
template <FunctionArgument X> constexpr auto trunc(X const& x);
template <FunctionArgument X> constexpr auto where_nonnegative(X const& x);
template <FunctionArgument X, FunctionArgument Y> constexpr auto hypot(X const& x, Y const& y);
template <FunctionArgument X, FunctionArgument Y> constexpr auto min(X const& x, Y const& y);
template <FunctionArgument X, FunctionArgument Y> constexpr auto max(X const& x, Y const& y);
template <Argument A, Argument B, Argument C> constexpr auto fma(A const& a, B const& b, C const& c);
template <Expression E> constexpr auto min(E const& x, E const& y);
template <Expression E> constexpr auto max(E const& x, E const& y);

}  // namespace leibniz
