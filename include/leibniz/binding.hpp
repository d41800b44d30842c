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

/// x = each_record(&point::x): what sum_over(data, f, theta = p, x = ...) binds x to at each
/// record, the projection of the record (a member pointer, or any function of the record).
template <class Projection> struct record_projection { Projection projection; };
/// x = each_record: x is bound to each record of sum_over's data in turn (the record itself).
struct each_record_t {
    template <class Projection> constexpr record_projection<Projection> operator()(Projection projection) const {
        return {projection};
    }
};
inline constexpr each_record_t each_record{};

/// x = each_record, produced by the assignment of a variable or a family (Target): bound by
/// sum_over to each record in turn (sum_over.hpp), and refused with a sentence anywhere else.
template <class Target, class Projection> struct per_record_binding;

namespace detail {
// whether a variable V is (one of) Target's: the variable itself; family.hpp adds families
template <class V, class Target> inline constexpr bool is_variable_of = std::is_same_v<V, Target>;
template <class Target> struct first_variable_of { using type = Target; };
template <class Target, class V> struct refuse_record_outside_sum_over {
    static_assert(sizeof(Target) == 0,
                  "leibniz: x = each_record binds x to each record of sum_over(data, f, theta = p, x = "
                  "each_record), which calls f once per record; a single call has no record: bind x to a "
                  "number, f(x = 1.0), or sum f over the data with sum_over");
    using type = double;
};
}  // namespace detail

template <class Target, class Projection> struct per_record_binding {
    Projection projection;
    // the binding protocol (binding's members), so that f(x = each_record) outside sum_over is
    // refused with a sentence rather than by a missing member
    template <class V> static constexpr bool binds = detail::is_variable_of<V, Target>;
    template <class V> using value_type = double;
    template <class V> constexpr double get() const {
        return typename detail::refuse_record_outside_sum_over<Target, V>::type{};
    }
    using first_variable = typename detail::first_variable_of<Target>::type;
};

namespace detail {
template <class T> inline constexpr bool is_record_source = false;
template <> inline constexpr bool is_record_source<each_record_t> = true;
template <class P> inline constexpr bool is_record_source<record_projection<P>> = true;
template <class T> inline constexpr bool is_per_record = false;
template <class Target, class P> inline constexpr bool is_per_record<per_record_binding<Target, P>> = true;
// x = each_record as a projection: the record itself
template <class Source> constexpr auto projection_of(Source const& source) {
    if constexpr (std::is_same_v<Source, each_record_t>) return source;
    else return source.projection;
}
}  // namespace detail

}  // namespace leibniz
