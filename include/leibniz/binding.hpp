#pragma once
// What x = 0.5 makes: the value a call gives to a variable, f(x = 0.5, y = 2.0). Defined beside
// the variables (expression.hpp includes it), so that every header that builds expressions can
// also evaluate them.
#include <type_traits>

namespace leibniz {

/// name = value, produced by x = 0.5: the value a call gives to a variable.
template <class Var, class Value> struct binding {
    Value value;
    template <class V> static constexpr bool binds = std::is_same_v<V, Var>;
    // forced inline, as every step of evaluation is (node_value): a call per variable left to
    // GCC's inliner cost it quadratic time in a graph of 1,000 variables
    template <class V> [[gnu::always_inline]] constexpr Value const& get() const { return value; }
    template <class V> using value_type = Value;
    using first_variable = Var;  // the check for variables bound twice (repeated_binding)
};

}  // namespace leibniz
