#pragma once
// The gamma function and its logarithm, in every engine, with the polygamma functions their
// derivatives need: lgamma' = digamma, tgamma' = tgamma digamma, digamma' = trigamma, and so on.
// digamma and its relatives come from Boost.Math (header-only), which triples the compile time
// of a translation unit that includes leibniz (-fsyntax-only, measured: <leibniz/leibniz.hpp>
// 0.5 s and 142 MB with GCC 12, 0.46 s and 149 MB with Clang 14; this header 1.5 s and 324 MB,
// 1.2 s and 258 MB); so it is opt-in, not part of leibniz.hpp:
//
//     #include <leibniz/gamma.hpp>
//     static_assert(d(lgamma(x), x) == digamma(x));
//
// Edges: lgamma and tgamma at the poles 0, -1, -2, ... are +infinity (tgamma: +-infinity at
// +-0, NaN at the negative integers, as std::tgamma), and their derivatives there are NaN in
// every engine (digamma has a pole of either sign there). tgamma overflows to +infinity above
// x = 171.62 (in double), and so does its derivative; lgamma stays finite.
#include <array>
#include <cmath>
#include <cstddef>
#include <optional>
#include <string_view>

#include <boost/math/policies/policy.hpp>
#include <boost/math/special_functions/polygamma.hpp>

#include "functions.hpp"
#include "rules.hpp"

namespace leibniz {
namespace rules {

namespace detail_gamma {
// Boost.Math's default policy throws at a pole; leibniz follows IEEE instead (NaN at a pole, as
// std::lgamma and std::tgamma give infinities rather than exceptions).
using ieee_policy =
    boost::math::policies::policy<boost::math::policies::pole_error<boost::math::policies::ignore_error>,
                                  boost::math::policies::domain_error<boost::math::policies::ignore_error>,
                                  boost::math::policies::overflow_error<boost::math::policies::ignore_error>,
                                  boost::math::policies::evaluation_error<boost::math::policies::ignore_error>>;

// "digamma", "trigamma", then "polygamma2", "polygamma3", ...: the name orders and prints it
template <int N> constexpr auto polygamma_name_text() {
    constexpr std::string_view stem = "polygamma";
    constexpr std::size_t digits = []() consteval {
        std::size_t k = 1;
        for (int n = N; n >= 10; n /= 10) ++k;
        return k;
    }
    ();
    std::array<char, stem.size() + digits> out{};
    for (std::size_t i = 0; i < stem.size(); ++i) out[i] = stem[i];
    int n = N;
    for (std::size_t i = out.size(); i-- > stem.size(); n /= 10) out[i] = static_cast<char>('0' + n % 10);
    return out;
}
template <int N> inline constexpr auto polygamma_name_storage = polygamma_name_text<N>();
template <int N> constexpr std::string_view polygamma_name() {
    if constexpr (N == 0) return "digamma";
    else if constexpr (N == 1) return "trigamma";
    else return {polygamma_name_storage<N>.data(), polygamma_name_storage<N>.size()};
}
}  // namespace detail_gamma

/// The N-th derivative of digamma, psi^(N) (N = 0: digamma, N = 1: trigamma); NaN at the poles
/// 0, -1, -2, ...
template <int N> struct polygamma_fn {
    static_assert(N >= 0, "leibniz::rules::polygamma_fn<N>: N is the order of the derivative of digamma, 0 or more");
    static constexpr std::string_view name = detail_gamma::polygamma_name<N>();
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * NaN at a pole is 0
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::not_in_std, polygamma_fn>(x);
    }
    template <class X> static auto value(X const& x) {
        if constexpr (N == 0) return boost::math::digamma(x, detail_gamma::ieee_policy{});
        else if constexpr (N == 1) return boost::math::trigamma(x, detail_gamma::ieee_policy{});
        else return boost::math::polygamma(N, x, detail_gamma::ieee_policy{});
    }
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return leibniz::apply<polygamma_fn<N + 1>>(x);
    }
};

struct lgamma_fn {
    static constexpr std::string_view name = "lgamma";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * NaN at a pole is 0
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::not_in_std, lgamma_fn>(x);
    }
    static constexpr std::optional<rational> exact(rational x) {  // log Gamma(1) = log Gamma(2) = 0
        if (x == rational{1, 1} || x == rational{2, 1}) return rational{0, 1};
        return std::nullopt;
    }
    template <class X> static auto value(X const& x) {
        using std::lgamma;
        return lgamma(x);
    }
    // lgamma' = digamma, also for x < 0 (lgamma is log |Gamma|); NaN at the poles
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const&) {
        return leibniz::apply<polygamma_fn<0>>(x);
    }
};

struct tgamma_fn {
    static constexpr std::string_view name = "tgamma";
    static constexpr bool derivative_can_be_infinite = true;  // the reverse sweep: 0 * NaN at a pole is 0
    template <class X>
    requires is_complex<X>::value static constexpr auto value(X const& x) {
        return refuse_complex<complex_refusal::not_in_std, tgamma_fn>(x);
    }
    // Gamma(n) = (n - 1)! for n = 1 ... 21 (20! is the last factorial that fits intmax_t)
    static constexpr std::optional<rational> exact(rational x) {
        if (x.den != 1 || x.num < 1 || x.num > 21) return std::nullopt;
        std::intmax_t factorial = 1;
        for (std::intmax_t k = 2; k < x.num; ++k) factorial *= k;
        return rational{factorial, 1};
    }
    template <class X> static auto value(X const& x) {
        using std::tgamma;
        return tgamma(x);
    }
    // tgamma' = tgamma digamma, reusing the value; NaN at the poles, +infinity where tgamma overflows
    template <class X, class Y> static constexpr auto derivative(X const& x, Y const& y) {
        return y * leibniz::apply<polygamma_fn<0>>(x);
    }
};

}  // namespace rules

/// log |Gamma(x)|; lgamma' = digamma                      lgamma(x)
template <FunctionArgument X> constexpr auto lgamma(X const& x) { return apply<rules::lgamma_fn>(x); }
/// the gamma function, Gamma(n) = (n - 1)!                tgamma(x)
template <FunctionArgument X> constexpr auto tgamma(X const& x) { return apply<rules::tgamma_fn>(x); }
/// psi(x) = Gamma'(x)/Gamma(x), Boost.Math's digamma      digamma(x)
template <FunctionArgument X> constexpr auto digamma(X const& x) { return apply<rules::polygamma_fn<0>>(x); }
/// psi'(x), Boost.Math's trigamma                         trigamma(x)
template <FunctionArgument X> constexpr auto trigamma(X const& x) { return apply<rules::polygamma_fn<1>>(x); }

}  // namespace leibniz
