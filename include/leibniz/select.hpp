#pragma once
// Branches: comparisons give conditions, select(c, a, b) is a where c holds and b elsewhere,
// clamp(x, lo, hi) is written with it, and conditions join with && || !.
//
//     auto huber = select(abs(r) <= delta, r * r / 2_c, delta * (abs(r) - delta / 2_c));
//
// Every engine reads select the same way: evaluation computes both arms and keeps the taken
// one; d(select(c, a, b), x) = select(c, da/dx, db/dx); the reverse sweeps (gradient, jacobian,
// hessian, the tape) send the adjoint to the taken arm only, and the untaken arm's NaN or
// infinity (sqrt(x) at x = -1 in select(x > 0_c, sqrt(x), 0_c)) never reaches a result.
//
// At a switching point the derivative is the taken arm's: select(x > 0_c, x, 0_c) at 0 takes
// 0_c, derivative 0 (as relu'(0) = 0); select(x >= 0_c, x, 0_c) takes x, derivative 1. So
// clamp(x, lo, hi) = select(x < lo, lo, select(hi < x, hi, x)) has d/dx = 1 at x = lo and at
// x = hi (x is inside its bounds there, as PyTorch's clamp counts it), 0 beyond them.
//
// Equality is not a condition: a == b between expressions already means "the same canonical
// form" (equality.hpp), a compile-time fact. Write a <= b && b <= a for a run-time equality.
#include <type_traits>

#include "detail/canonical_branches.hpp"
#include "detail/combine.hpp"
#include "detail/refusals.hpp"
#include "expression.hpp"
#include "functions.hpp"

namespace leibniz {

namespace detail {
// The comparisons of plain numbers, as std::less<> and its kin are, without <functional>.
struct less_numbers {
    template <class A, class B> constexpr bool operator()(A const& a, B const& b) const { return a < b; }
};
struct less_equal_numbers {
    template <class A, class B> constexpr bool operator()(A const& a, B const& b) const { return a <= b; }
};
struct greater_numbers {
    template <class A, class B> constexpr bool operator()(A const& a, B const& b) const { return a > b; }
};
struct greater_equal_numbers {
    template <class A, class B> constexpr bool operator()(A const& a, B const& b) const { return a >= b; }
};

/// Operands of a comparison: at least one an expression (not a condition), both numbers or expressions.
template <class A, class B>
concept compares_expression =
    ((Expression<A> && !Condition<A>) || (Expression<B> && !Condition<B>)) && Argument<A>&& Argument<B>;

/// A comparison: a condition when an operand depends on a variable (or both are compile-time
/// constants, then it folds); a bool when a compile-time constant meets a plain number
/// (0.5_c < 1.0), as 0.5_c * 3.0 is a double.
template <template <class...> class Make, class Compare, class A, class B>
constexpr auto comparison(A const& a, B const& b) {
    if constexpr (any_symbolic<A, B> || all_static<A, B>) return combine<Make>(a, b);
    else {
        using T = numeric_type_t<A, B>;
        return Compare{}(numeric_value<T>(a), numeric_value<T>(b));
    }
}
}  // namespace detail

/// a < b, a condition                          select(x < y, x, y)
template <class A, class B>
requires detail::compares_expression<A, B>
constexpr auto operator<(A const& a, B const& b) {
    return detail::comparison<detail::make_less_t, detail::less_numbers>(a, b);
}
/// a <= b, a condition                         select(abs(r) <= 1_c, r * r, abs(r))
template <class A, class B>
requires detail::compares_expression<A, B>
constexpr auto operator<=(A const& a, B const& b) {
    return detail::comparison<detail::make_less_equal_t, detail::less_equal_numbers>(a, b);
}
/// a > b, the condition b < a                  select(x > 0_c, x, 0_c)
template <class A, class B>
requires detail::compares_expression<A, B>
constexpr auto operator>(A const& a, B const& b) {
    return detail::comparison<detail::make_greater_t, detail::greater_numbers>(a, b);
}
/// a >= b, the condition b <= a                select(x >= 0.5, x, 0.5)
template <class A, class B>
requires detail::compares_expression<A, B>
constexpr auto operator>=(A const& a, B const& b) {
    return detail::comparison<detail::make_greater_equal_t, detail::greater_equal_numbers>(a, b);
}

/// c1 && c2: both hold                         select(x > 0_c && y > 0_c, x * y, 0_c)
template <Condition A, Condition B> constexpr auto operator&&(A const& a, B const& b) {
    return detail::combine<detail::make_and_t>(a, b);
}
/// c1 || c2: either holds
template <Condition A, Condition B> constexpr auto operator||(A const& a, B const& b) {
    return detail::combine<detail::make_or_t>(a, b);
}
/// !c: c does not hold (!(x < y) is not y <= x: at NaN both comparisons are false)
template <Condition C> constexpr auto operator!(C const& c) { return detail::combine<detail::make_not_t>(c); }

/// a where the condition c holds, b elsewhere; the derivative is the taken arm's, also at the
/// switching point.                            select(x > 0_c, sqrt(x), 0_c)
template <Condition C, Argument A, Argument B> constexpr auto select(C const& c, A const& a, B const& b) {
    return detail::combine<detail::make_select_t>(c, a, b);
}
/// On plain numbers, c ? a : b, so that generic code (using leibniz::select;) runs on doubles;
/// compile-time constants as arms give their values (select(x > 0.0, 1_c, 0_c) is 1.0 or 0.0).
template <Argument A, Argument B>
requires(!detail::any_symbolic<A, B>) constexpr auto select(bool c, A const& a, B const& b) {
    using T = detail::numeric_type_t<A, B>;
    return c ? detail::numeric_value<T>(a) : detail::numeric_value<T>(b);
}
// select(true, x, -x), select(x, a, b): refused with a sentence (detail/refusals.hpp)
template <class C, class A, class B>
requires(!Condition<C> && Argument<A> && Argument<B> &&
         !(std::is_same_v<C, bool> && !detail::any_symbolic<A, B>)) constexpr auto select(C const&, A const&,
                                                                                          B const&) {
    return detail::refuse_select_condition<C>();
}

namespace detail {
template <class X, class Lo, class Hi> struct make_clamp_t {
    using type =
        make_select<typename make_less_t<X, Lo>::type, Lo, make_select<typename make_less_t<Hi, X>::type, Hi, X>>;
};
}  // namespace detail

/// lo where x < lo, hi where x > hi, x elsewhere: select(x < lo, lo, select(hi < x, hi, x)).
/// d/dx is 1 at x = lo and x = hi (x is taken there) and 0 beyond; d/dlo is 1 only where x < lo.
///                                             clamp(x, 0_c, 1_c)
template <Argument X, Argument Lo, Argument Hi> constexpr auto clamp(X const& x, Lo const& lo, Hi const& hi) {
    if constexpr (detail::any_symbolic<X, Lo, Hi> || detail::all_static<X, Lo, Hi>)
        return detail::combine<detail::make_clamp_t>(x, lo, hi);
    else {
        using T = detail::numeric_type_t<X, Lo, Hi>;
        T const v = detail::numeric_value<T>(x), l = detail::numeric_value<T>(lo), h = detail::numeric_value<T>(hi);
        return v < l ? l : (h < v ? h : v);
    }
}

}  // namespace leibniz
