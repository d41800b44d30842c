#pragma once
// The rules of erf and erfc (the rule table: rules.hpp).

#include "support.hpp"

namespace leibniz::rules {

// 1/sqrt(pi) in canonical form, spelled as a type: a call pow(pi_c, ...) here would not depend
// on a template parameter, and Clang would resolve it before pow is defined.
inline constexpr power<named_constant<pi_tag>, constant<rational{-1, 2}>> inverse_sqrt_pi{};

struct erf_fn {
    static constexpr std::string_view name = "erf";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::not_in_std, erf_fn>(x);
    }
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {0, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::erf;
        return erf(x);
    }
    // erf' = 2/sqrt(pi) e^(-x^2), with pi exact in the symbolic result
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return exp(-(x * x)) * 2_c * inverse_sqrt_pi;
    }
};

struct erfc_fn {
    static constexpr std::string_view name = "erfc";
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::not_in_std, erfc_fn>(x);
    }
    static constexpr auto exact(rational x) { return detail_rules::maps_zero_to(x, {1, 1}); }
    template <class X> static constexpr auto value(X const& x) {
        using std::erfc;
        return erfc(x);
    }
    // erfc' = -2/sqrt(pi) e^(-x^2), with pi exact in the symbolic result; c<-2>, not -2_c: a
    // unary minus that depends on no template parameter is looked up here, before operators.hpp
    // declares it when a header includes functions.hpp first (Clang)
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return exp(-(x * x)) * c<-2> * inverse_sqrt_pi;
    }
};

}  // namespace leibniz::rules
