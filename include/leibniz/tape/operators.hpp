#pragma once
// + - * / and unary - on tape::vars, mixed freely with numbers (2.0, 3, 3_c, c<1, 3>, pi_c).
// The partials are the elementary ones; compound assignment and value comparisons make
// generic code (acc += w * x; if (x > 0)) work as with double.
#include <compare>

#include "operation.hpp"
#include "recording.hpp"

namespace leibniz::tape {

/// a + b: d/da = 1, d/db = 1
template <class A, class B>
requires involves_var<A, B> var operator+(A const& a, B const& b) {
    return detail::record(a, b, detail::value_of(a) + detail::value_of(b), 1.0, 1.0);
}
/// a - b: d/da = 1, d/db = -1
template <class A, class B>
requires involves_var<A, B> var operator-(A const& a, B const& b) {
    return detail::record(a, b, detail::value_of(a) - detail::value_of(b), 1.0, -1.0);
}
/// a * b: d/da = b, d/db = a
template <class A, class B>
requires involves_var<A, B> var operator*(A const& a, B const& b) {
    double x = detail::value_of(a), y = detail::value_of(b);
    return detail::record(a, b, x * y, y, x);
}
/// a / b: d/da = 1/b, d/db = -a/b^2 = -(a/b)/b
template <class A, class B>
requires involves_var<A, B> var operator/(A const& a, B const& b) {
    double x = detail::value_of(a), y = detail::value_of(b), q = x / y;
    return detail::record(a, b, q, 1.0 / y, -q / y);
}
// A tape::var with a symbolic expression: refused with a sentence, not "no match for operator*".
template <class A, class B>
requires mixes_var_and_expression<A, B>
auto operator+(A const& a, B const& b) { return leibniz::detail::refuse_tape_with_expression<var>(a, b); }
template <class A, class B>
requires mixes_var_and_expression<A, B>
auto operator-(A const& a, B const& b) { return leibniz::detail::refuse_tape_with_expression<var>(a, b); }
template <class A, class B>
requires mixes_var_and_expression<A, B>
auto operator*(A const& a, B const& b) { return leibniz::detail::refuse_tape_with_expression<var>(a, b); }
template <class A, class B>
requires mixes_var_and_expression<A, B>
auto operator/(A const& a, B const& b) { return leibniz::detail::refuse_tape_with_expression<var>(a, b); }

/// -a: d/da = -1
inline var operator-(var const& a) { return detail::record(a, -a.value(), -1.0); }
/// +a: a itself
inline var operator+(var const& a) { return a; }

template <operand B> var& operator+=(var& a, B const& b) { return a = a + b; }
template <operand B> var& operator-=(var& a, B const& b) { return a = a - b; }
template <operand B> var& operator*=(var& a, B const& b) { return a = a * b; }
template <operand B> var& operator/=(var& a, B const& b) { return a = a / b; }
template <class B>
requires mixes_var_and_expression<var, B> var& operator+=(var& a, B const& b) {
    return a = leibniz::detail::refuse_tape_with_expression<var>(a, b);
}
template <class B>
requires mixes_var_and_expression<var, B> var& operator-=(var& a, B const& b) {
    return a = leibniz::detail::refuse_tape_with_expression<var>(a, b);
}
template <class B>
requires mixes_var_and_expression<var, B> var& operator*=(var& a, B const& b) {
    return a = leibniz::detail::refuse_tape_with_expression<var>(a, b);
}
template <class B>
requires mixes_var_and_expression<var, B> var& operator/=(var& a, B const& b) {
    return a = leibniz::detail::refuse_tape_with_expression<var>(a, b);
}

// Comparisons read values only, as on double; they record nothing and need no live recording.
inline bool operator==(var const& a, var const& b) noexcept { return a.value() == b.value(); }
inline std::partial_ordering operator<=>(var const& a, var const& b) noexcept { return a.value() <=> b.value(); }
template <number N> bool operator==(var const& a, N const& b) { return a.value() == detail::as_double(b); }
template <number N> std::partial_ordering operator<=>(var const& a, N const& b) {
    return a.value() <=> detail::as_double(b);
}

}  // namespace leibniz::tape
