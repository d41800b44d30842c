#pragma once
// The _c suffix: 3_c, 0.5_c (exactly 1/2), 1e-3_c (exactly 1/1000).
#include <cstdint>

#include "expression.hpp"
#include "rational.hpp"

namespace leibniz {
namespace detail {

struct parsed_literal {
    rational value;
    bool ok;
};

template <char... Cs> constexpr parsed_literal parse_decimal() {
    constexpr char text[] = {Cs..., '\0'};
    std::intmax_t digits = 0, scale = 0, exponent = 0;
    bool after_point = false, in_exponent = false, exponent_negative = false, ok = true;
    for (std::size_t i = 0; text[i] != '\0'; ++i) {
        char ch = text[i];
        if (ch == '\'') continue;
        if (!in_exponent && ch == '.') { after_point = true; continue; }
        if (!in_exponent && (ch == 'e' || ch == 'E')) { in_exponent = true; continue; }
        if (in_exponent && (ch == '-' || ch == '+')) { exponent_negative = ch == '-'; continue; }
        if (ch < '0' || ch > '9') { ok = false; break; }
        if (in_exponent) exponent = exponent * 10 + (ch - '0');
        else {
            digits = checked(wide{digits} * 10 + (ch - '0'));
            if (after_point) ++scale;
        }
    }
    if (!ok) return {{0, 1}, false};
    auto e = (exponent_negative ? -exponent : exponent) - scale;
    return {make_rational(digits) * integer_power(make_rational(10), e), true};
}

}  // namespace detail

inline namespace literals {
/// 3_c, 0.5_c, 2.5e-3_c: an exact compile-time rational constant.
template <char... Cs> constexpr auto operator""_c() {
    constexpr auto parsed = detail::parse_decimal<Cs...>();
    static_assert(parsed.ok, "leibniz: _c takes a decimal literal such as 3_c, 0.5_c or 1e-3_c; "
                             "for other rationals write c<1, 3>");
    return constant<parsed.value>{};
}
}  // namespace literals

}  // namespace leibniz
