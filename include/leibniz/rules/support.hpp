#pragma once
// What every rule of the table (rules.hpp) reads: the names of rules used before their
// definition (sin' is cos), how a rule chooses per lane, the refusal of complex numbers, and
// small helpers for exact values.

#include <cmath>
#include <cstdint>
#include <numbers>
#include <limits>
#include <type_traits>
#include <optional>
#include <string_view>
#include <utility>

#include "../detail/lanes_math.hpp"
#include "../detail/refusals.hpp"
#include "../expression.hpp"
#include "../fwd.hpp"
#include "../literals.hpp"

namespace leibniz::rules {

// rules named before their own definition, as another rule's derivative (sin' is cos)
struct cos_fn;
struct cosh_fn;
struct sigmoid_fn;
struct heaviside_fn;
struct sign_fn;

using leibniz::detail::is_complex;
// Lanes (std::experimental::simd<double>) compare to a mask, not a bool: a rule that branches on
// its argument chooses per lane (detail/number.hpp), computing both sides, or uses the side
// that is right everywhere where the other only saves time.
using leibniz::detail::all_lanes;
using leibniz::detail::choose;
using leibniz::detail::has_lanes;
// complex numbers are refused by relu, max, min, sign, heaviside, floor, ceil, round, trunc, erf,
// erfc and abs' (detail/refusals.hpp)
using leibniz::detail::complex_refusal;
using leibniz::detail::refuse_complex;

namespace detail_rules {
template <class X> constexpr auto zero_like(X const&) {
    if constexpr (Expression<X>) return 0_c;
    else return X(0);
}
constexpr std::optional<rational> maps_zero_to(rational x, rational y) {
    if (x.num == 0) return y;
    return std::nullopt;
}
// log 2 and log 10 as numbers of X's precision (complex numbers and lanes: of their elements)
template <class X> constexpr X number_ln2() { return X(std::numbers::ln2_v<leibniz::detail::element_t<X>>); }
template <class X> constexpr X number_ln10() { return X(std::numbers::ln10_v<leibniz::detail::element_t<X>>); }
// e^x and log x of numbers: lanes of doubles computed in the lanes (detail/lanes_math.hpp says
// why), any other number by its own exp and log
template <class X> [[gnu::always_inline]] constexpr auto exponential(X const& x) {
    if constexpr (leibniz::detail::lanes_of_doubles<X>) return leibniz::detail::lanes_math::exp(x);
    else {
        using std::exp;
        return exp(x);
    }
}
template <class X> [[gnu::always_inline]] constexpr auto logarithm(X const& x) {
    if constexpr (leibniz::detail::lanes_of_doubles<X>) return leibniz::detail::lanes_math::log(x);
    else {
        using std::log;
        return log(x);
    }
}
}  // namespace detail_rules

}  // namespace leibniz::rules
