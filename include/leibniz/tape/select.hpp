#pragma once
// Branches on the tape: a comparison of tape::vars is a bool (tape/operators.hpp), and
// select(c, a, b) passes on the taken arm itself, so the reverse sweep reaches only that arm.
// The untaken arm was recorded (it was computed as an argument) but nothing uses it: its
// adjoint stays 0 and the sweep skips it, so its NaN or infinity (sqrt(x) at x = -1) never
// reaches a gradient. Found by argument-dependent lookup with the spelling of leibniz::select,
// so generic code (using leibniz::select; select(x > 0.0, sqrt(x), 0.0)) records.
#include "operation.hpp"
#include "operators.hpp"
#include "recording.hpp"

namespace leibniz::tape {

namespace detail {
/// An operand as a recorded value: a number becomes an input of the recording.
template <class T> var as_var(T const& x) {
    if constexpr (std::same_as<T, var>) return x;
    else return var(as_double(x));
}
}  // namespace detail

/// a where c holds, else b; the derivative is the taken arm's, also at the switching point.
///     select(x > 0.0, sqrt(x), 0.0)
template <class A, class B>
requires involves_var<A, B> var select(bool c, A const& a, B const& b) {
    return c ? detail::as_var(a) : detail::as_var(b);
}

/// lo where x < lo, hi where x > hi, x elsewhere: d/dx = 1 at x = lo and x = hi, as in every engine.
///     clamp(x, 0.0, 1.0)
template <operand Lo, operand Hi> var clamp(var const& x, Lo const& lo, Hi const& hi) {
    return x < lo ? detail::as_var(lo) : (hi < x ? detail::as_var(hi) : x);
}

}  // namespace leibniz::tape
