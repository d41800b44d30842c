#pragma once
// The _c suffix: 3_c, 0.5_c (exactly 1/2), 1e-3_c (exactly 1/1000).
#include <cstdint>
#include <type_traits>

#include "detail/refusals.hpp"
#include "expression.hpp"
#include "rational.hpp"

namespace leibniz {
namespace detail {

struct parsed_literal {
    rational value;
    bool ok;
    bool overflowed = false;  // the digits or the power of ten do not fit intmax_t
};

template <char... Cs> constexpr parsed_literal parse_decimal() {
    constexpr char text[] = {Cs..., '\0'};
    std::intmax_t exponent = 0;
    wide digits = 0;
    std::intmax_t scale = 0;
    bool after_point = false, in_exponent = false, exponent_negative = false, ok = true, overflowed = false;
    for (std::size_t i = 0; text[i] != '\0'; ++i) {
        char ch = text[i];
        if (ch == '\'') continue;
        if (!in_exponent && ch == '.') {
            after_point = true;
            continue;
        }
        if (!in_exponent && (ch == 'e' || ch == 'E')) {
            in_exponent = true;
            continue;
        }
        if (in_exponent && (ch == '-' || ch == '+')) {
            exponent_negative = ch == '-';
            continue;
        }
        if (ch < '0' || ch > '9') {
            ok = false;
            break;
        }
        if (in_exponent) exponent = exponent < 100'000 ? exponent * 10 + (ch - '0') : exponent;
        else if (!overflowed) {
            digits = digits * 10 + (ch - '0');
            overflowed = !fits(digits);
            if (after_point) ++scale;
        }
    }
    if (!ok || overflowed) return {{0, 1}, ok, overflowed};
    // digits * 10^e, one factor of ten at a time, stopping at the first overflow
    auto e = (exponent_negative ? -exponent : exponent) - scale;
    rational value{static_cast<std::intmax_t>(digits), 1};
    rational const ten = e < 0 ? rational{1, 10} : rational{10, 1};
    for (auto k = e < 0 ? -e : e; k > 0 && !overflowed && value.num != 0; --k)
        value = product_or_flag(value, ten, overflowed);
    return {overflowed ? rational{0, 1} : value, true, overflowed};
}

}  // namespace detail

inline namespace literals {
/// 3_c, 0.5_c, 2.5e-3_c: an exact compile-time rational constant.
template <char... Cs> constexpr auto operator""_c() {
    constexpr auto parsed = detail::parse_decimal<Cs...>();
    static_assert(parsed.ok,
                  "leibniz: _c takes a decimal literal such as 3_c, 0.5_c or 1e-3_c; "
                  "for other rationals write c<1, 3>");
    static_assert(std::is_void_v<typename detail::refuse_rational_overflow<parsed.overflowed>::type>);
    return constant<parsed.value>{};
}
}  // namespace literals

}  // namespace leibniz
