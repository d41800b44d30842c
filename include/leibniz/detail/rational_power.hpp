#pragma once
// x^R for an exact rational R on numbers, as fast as by hand: x^2 is x*x, x^(3/2) is x*sqrt(x),
// x^(-1) is 1/x, x^(1/3) the real cube root. Evaluation (evaluate.hpp), pow on plain numbers
// (power.hpp) and the reverse sweep's power steps (reverse.hpp) compute powers here.
#include <cmath>
#include <cstdint>
#include <type_traits>

#include "../rational.hpp"
#include "number.hpp"

namespace leibniz::detail {

template <class T> struct real_part { using type = T; };
template <class T>
requires is_complex<T>::value struct real_part<T> {
    using type = typename T::value_type;
};
template <class T> using real_part_t = typename real_part<T>::type;

// x^n for a natural n, by squaring, unrolled at compile time.
template <std::intmax_t N, class T> constexpr T natural_power(T const& x) {
    if constexpr (N == 0) return T(1);
    else if constexpr (N == 1) return x;
    else if constexpr (N % 2 == 0) {
        T half = natural_power<N / 2>(x);
        return half * half;
    } else return x * natural_power<N - 1>(x);
}

/// x^R for an exact rational R. Odd roots of negative reals are real (cbrt(-8) = -2),
/// as cbrt is; even roots of negative reals are NaN, as sqrt is.
template <rational R, class T> constexpr T rational_power(T const& x) {
    using std::cbrt, std::pow, std::sqrt;
    if constexpr (R.num < 0) {
        return T(1) / rational_power<-R>(x);
    } else if constexpr (R.den == 1) {
        return natural_power<R.num>(x);
    } else if constexpr (R.den == 2) {
        return natural_power<R.num / 2>(x) * sqrt(x);
    } else if constexpr (is_complex<T>::value) {
        return pow(x, T(R.template as<real_part_t<T>>()));
    } else if constexpr (R.den == 3) {
        return natural_power<R.num / 3>(x) * natural_power<R.num % 3>(cbrt(x));
    } else if constexpr (R.den % 2 == 1) {
        T const magnitude = pow(choose(x < T(0), T(-x), x), R.template as<T>());
        if constexpr (R.num % 2 == 1) return choose(x < T(0), T(-magnitude), magnitude);
        else return magnitude;
    } else {
        return pow(x, R.template as<T>());
    }
}

}  // namespace leibniz::detail
