#pragma once
// A type's name as the compiler spells it, at compile time: what tells a user's rule from the
// library's (rule_identity.hpp) and recognises a number type the library must refuse
// (number.hpp's lanes_computed_right).
#include <cstddef>
#include <string_view>

namespace leibniz::detail {

/// The name of T as the compiler spells it, at compile time (from __PRETTY_FUNCTION__, whose
/// form is "... [with T = u::my_sin; ...]" with GCC and "... [T = u::my_sin]" with Clang).
template <class T> constexpr std::string_view type_name() {
    std::string_view const whole = __PRETTY_FUNCTION__;
    std::size_t const start = whole.find("T = ") + 4;
    std::size_t end = start;
    int depth = 0;  // the first ';' or ']' outside brackets ends the type
    for (; end < whole.size(); ++end) {
        char const c = whole[end];
        if (c == '<' || c == '(' || c == '[') ++depth;
        else if ((c == '>' || c == ')' || c == ']') && depth > 0) --depth;
        else if ((c == ';' || c == ']') && depth == 0) break;
    }
    return whole.substr(start, end - start);
}

}  // namespace leibniz::detail
