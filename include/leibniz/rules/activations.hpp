#pragma once
// The rules of sigmoid, softplus and relu (the rule table: rules.hpp); relu' is heaviside.

#include "steps.hpp"
#include "support.hpp"

namespace leibniz::rules {

struct sigmoid_fn {
    static constexpr std::string_view name = "sigmoid";
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {1, 2}); }
    // Never exponentiates a large positive number: finite and accurate for any real x.
    template <class X> [[gnu::always_inline]] static constexpr auto value(X const& x) {  // as exp's
        using std::exp;
        if constexpr (is_complex<X>::value) return X(1) / (X(1) + exp(-x));
        else if constexpr (has_lanes<X>) {  // e = e^(-|x|) <= 1: 1/(1 + e) for x >= 0, e/(1 + e) below
            using std::abs;
            X const e = detail_rules::exponential(X(-abs(x))), r = X(1) / (X(1) + e);
            return choose(x >= X(0), r, X(e * r));
        } else if (x >= X(0)) return X(1) / (X(1) + exp(-x));
        else {
            X e = exp(x);
            return e / (X(1) + e);
        }
    }
    // sigmoid' = sigmoid(x) sigmoid(-x), not y (1 - y), which is 0 where y rounds to 1 (x > 37):
    // relative accuracy; on numbers y (1 - y) where 1 - y > 0.1 (x < 2), one exp elsewhere
    template <class X, class Y> [[gnu::always_inline]] static constexpr auto derivative(X const& x, Y const& y) {
        if constexpr (Expression<X>) return y * sigmoid(-x);
        else if constexpr (is_complex<X>::value) return y * (X(1) - y);
        else if (all_lanes(x < X(2))) return y * (X(1) - y);  // lanes: where every lane may
        else return y * value(X(-x));
    }
};

struct softplus_fn {
    static constexpr std::string_view name = "softplus";
    // log(1 + e^x) = max(x, 0) + log1p(e^-|x|): no overflow for large x, no loss for very negative x.
    template <class X> [[gnu::always_inline]] static constexpr auto value(X const& x) {  // as exp's
        using std::exp, std::log;
        if constexpr (is_complex<X>::value) return log(X(1) + exp(x));
        else {
            using std::log1p, std::abs;
            return choose(x > X(0), x, X(0)) + log1p(detail_rules::exponential(X(-abs(x))));
        }
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return sigmoid(x); }
};

struct relu_fn {
    static constexpr std::string_view name = "relu";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::unordered, relu_fn>(x);
    }
    static constexpr std::optional<rational> exact(rational x) { return x.num > 0 ? x : rational{0, 1}; }
    // NaN in, NaN out (x > 0 ? x : 0 would make relu(NaN) = 0)
    template <class X> static constexpr auto value(X const& x) { return choose(x < X(0), X(0), x); }
    // relu'(0) = 0, as in PyTorch and TensorFlow
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) { return heaviside(x); }
};

}  // namespace leibniz::rules
