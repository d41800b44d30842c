#pragma once
// How the tape records an elementary function. The functions themselves are leibniz's own
// (functions.hpp, gamma.hpp, function.hpp), found for a tape::var by argument-dependent lookup
// (tape::var's base is in namespace leibniz), so that generic code (using std::sin; sin(x * y))
// records; their apply<Rule> calls record_rule here. Every value and every local derivative is
// read from the rule table (rules.hpp) with plain doubles: no formula is written a second time.
// Written here are only what must differ from the expressions' front-ends: min and max as
// non-templates (to beat std::min<T> after `using std::min;`), fma (a product and a sum), and the
// pow family (an exact rational exponent's power, pow(x, x)).
#include <cmath>
#include <concepts>
#include <cstddef>
#include <tuple>
#include <utility>

#include "../function.hpp"
#include "../functions.hpp"
#include "../literals.hpp"
#include "../power.hpp"
#include "../rules.hpp"
#include "operation.hpp"
#include "recording.hpp"

namespace leibniz::tape {
namespace detail {

/// Rule(x): y = Rule::value(x), dy/dx = Rule::derivative(x, y).
template <class Rule> var unary(var const& x) {
    double y = as_double(Rule::value(x.value()));
    return record(x, y, as_double(Rule::derivative(x.value(), y)));
}

/// Rule(a, b): y = Rule::value(a, b), {dy/da, dy/db} = Rule::partials(a, b, y).
template <class Rule, class A, class B> var binary(A const& a, B const& b) {
    double u = value_of(a), v = value_of(b);
    double y = as_double(Rule::value(u, v));
    auto [du, dv] = Rule::partials(u, v, y);
    return record(a, b, y, as_double(du), as_double(dv));
}

/// Rule(args...) for a rule of any arity (leibniz::function, function.hpp): y = Rule::value(args...)
/// and one partial per argument; one node, with a parent per recorded argument (a fan-in node,
/// recording.hpp, where there are more than two).
template <class Rule, class... Args> var record_rule(Args const&... args) {
    static_assert((operand<Args> && ...), "leibniz::tape: each argument of a function is a tape::var or a number");
    constexpr std::size_t arity = sizeof...(Args);
    if constexpr (arity == 1) return unary<Rule>(args...);
    else if constexpr (arity == 2) return binary<Rule>(args...);
    else {
        double const inputs[arity] = {value_of(args)...};
        return [&]<std::size_t... I>(std::index_sequence<I...>) {
            double const y = as_double(Rule::value(inputs[I]...));
            auto const given = Rule::partials(inputs[I]..., y);
            double const partials[arity] = {as_double(std::get<I>(given))...};
            // the recorded arguments (a number argument's partial goes nowhere)
            constexpr std::size_t recorded = (std::size_t{std::same_as<Args, var>} + ...);
            std::array<var const*, recorded> arguments{};
            double kept[recorded]{};
            std::size_t k = 0;
            auto const keep = [&]<class A>(A const& argument, double partial) {
                if constexpr (std::same_as<A, var>) {
                    arguments[k] = &argument;
                    kept[k++] = partial;
                }
            };
            (keep(args, partials[I]), ...);
            auto const [r, parents] = parents_in_one_recording(arguments);
            return access::make(y, push_fan_in(*r, y, recorded, parents.data(), kept), r->id);
        }
        (std::index_sequence_for<Args...>{});
    }
}

}  // namespace detail

// Not templates, so that they beat std::min<T> and std::max<T> brought in by `using std::max;`
// in generic code (a template taking T const& twice would be the better match otherwise).
inline var min(var const& x, var const& y) { return detail::binary<rules::min_fn>(x, y); }
inline var max(var const& x, var const& y) { return detail::binary<rules::max_fn>(x, y); }

/// a b + c, its value rounded once (std::fma); recorded as the product a b and a sum, so that
/// each node keeps at most two operands         fma(a, b, c)
template <class A, class B, class C>
requires(operand<A>&& operand<B>&& operand<C> && (std::same_as<A, var> || std::same_as<B, var> ||
                                                  std::same_as<C, var>)) var fma(A const& a, B const& b, C const& c) {
    double const u = detail::value_of(a), v = detail::value_of(b), w = detail::value_of(c);
    double const y = std::fma(u, v, w);
    if constexpr (std::same_as<A, var> || std::same_as<B, var>) {
        var const product = detail::record(a, b, u * v, v, u);
        return detail::record(product, c, y, 1.0, 1.0);
    } else {
        return detail::record(c, y, 1.0);
    }
}

// pow with a tape::var and a symbolic expression: refused with a sentence, as by the operators
template <class A, class B>
requires mixes_var_and_expression<A, B>
auto pow(A const& a, B const& b) { return leibniz::detail::refuse_tape_with_expression<var>(a, b); }

/// x^e for a var or a number on either side; with an exact rational exponent (3_c, c<1, 3>)
/// the value is the exact rational power (the real cube root of a negative x included).
///     pow(x, y), pow(x, 2.5), pow(2.0, x), pow(x, c<1, 3>)
template <class X, class E>
requires involves_var<X, E> var pow(X const& x, E const& e) {
    if constexpr (std::same_as<E, var> && std::same_as<X, var>) {
        if (detail::access::at(x) == detail::access::at(e) &&
            detail::access::recording_of(x) == detail::access::recording_of(e)) {
            // pow(x, x): one partial, x^x (log x + 1), as the other engines (-infinity at 0, not NaN)
            double y = rules::pow_fn::value(x.value(), x.value());
            return detail::record(x, y,
                                  detail::as_double(rules::pow_fn::same_base_and_exponent_derivative(x.value(), y)));
        }
        return detail::binary<rules::pow_fn>(x, e);
    } else if constexpr (std::same_as<X, var>) {
        // A constant exponent: only the base's partial, so log(x) is never formed for x < 0.
        // x^0_c is the constant 1, as the canonical form makes it: derivative 0, also at x = 0
        if constexpr (RationalConstant<E>)
            if constexpr (E::value.num == 0) return detail::record(x, 1.0, 0.0);
        double y = detail::as_double(leibniz::pow(x.value(), e));
        return detail::record(x, y, detail::as_double(rules::pow_fn::base_partial(x.value(), e)));
    } else {
        double base = detail::as_double(x), y = rules::pow_fn::value(base, e.value());
        return detail::record(e, y, detail::as_double(rules::pow_fn::partials(base, e.value(), y).second));
    }
}
/// x^(1/2); sqrt'(0) = +infinity            sqrt(x)
inline var sqrt(var const& x) { return pow(x, c<1, 2>); }
/// the real cube root x^(1/3)              cbrt(x)
inline var cbrt(var const& x) { return pow(x, c<1, 3>); }
/// x^2                                     square(x)
inline var square(var const& x) { return pow(x, c<2>); }

}  // namespace leibniz::tape
