#pragma once
// What tells two rules apart in the canonical order (order.hpp) and the graph's hash
// (node_hash.hpp): the rule's type, not only its printed name. A user's rule named "sin" is not
// leibniz's sin, so sin(x) - my_sin(x) must not cancel. The library's own rules (namespace
// leibniz::rules) are told apart by their names, which are distinct; any other rule by its name
// followed by its type's name as the compiler spells it (u::my_sin). That spelling is unique
// within a translation unit: a rule is a class at namespace or class scope (a local class can
// have neither static data members nor member templates), and the generic lambdas of
// with_derivative are spelled with their function and place (GCC: f()::<lambda(auto:3)>, Clang:
// (lambda at f.cpp:12:5)).
#include <array>
#include <cstddef>
#include <string_view>

#include "type_name.hpp"

namespace leibniz::detail {

template <class Rule> constexpr bool is_library_rule() { return type_name<Rule>().starts_with("leibniz::rules::"); }

/// The text that identifies Rule: its name, or for a rule from outside the library its name, a
/// separator that no name contains ('\1', which sorts a user's "sin" right after leibniz's) and
/// its type's name.
template <class Rule> struct rule_identity {
    static constexpr std::size_t size =
        is_library_rule<Rule>() ? Rule::name.size() : Rule::name.size() + 1 + type_name<Rule>().size();
    static constexpr std::array<char, size> text = []() consteval {
        std::array<char, size> out{};
        std::size_t at = 0;
        for (char c : Rule::name) out[at++] = c;
        if constexpr (!is_library_rule<Rule>()) {
            out[at++] = '\1';
            for (char c : type_name<Rule>()) out[at++] = c;
        }
        return out;
    }
    ();
    static constexpr std::string_view view() { return {text.data(), size}; }
};

}  // namespace leibniz::detail
