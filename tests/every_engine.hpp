#pragma once
// One function of one variable by every engine: the value of f(x = ...), the symbolic d(f, x),
// the compile-time reverse sweep (gradient, value_and_gradient) and the runtime tape, and a
// check that all of them give one value and one derivative (the same infinity, the same NaN).
// Used by the numerical policy's tests and by those of the functions at their edges.
#include <doctest/doctest.h>

#include <cmath>
#include <leibniz/leibniz.hpp>

namespace every_engine {
using leibniz::var;
inline constexpr var<"x"> x;

// The same number to 1e-13 relative (subnormals and zeros compared exactly), or both NaN, or
// the same infinity.
inline bool same(double got, double want) {
    if (std::isnan(got) || std::isnan(want)) return std::isnan(got) && std::isnan(want);
    if (std::isinf(got) || std::isinf(want)) return got == want;
    if (want == 0 || got == 0) return got == want;
    return std::fabs(got - want) <= 1e-13 * std::fabs(want);
}

struct engines {
    double value, taped_value, symbolic, reverse, reverse_with_value, taped;
};

// f of one variable at `at`, by every engine.
template <class F> engines in_every_engine(F const& f, double at) {
    engines out{};
    auto const e = f(x);
    out.value = e(x = at);
    out.symbolic = d(e, x)(x = at);
    out.reverse = gradient(e, x)(x = at)[0];
    out.reverse_with_value = value_and_gradient(e, x)(x = at).gradient[0];
    leibniz::tape::scope recording;
    leibniz::tape::var a = at;
    leibniz::tape::var taped = f(a);
    out.taped_value = taped.value();
    out.taped = leibniz::tape::gradient(taped, a)[0];
    return out;
}

template <class F> void check_value_and_derivative(F const& f, double at, double value, double derivative) {
    engines const got = in_every_engine(f, at);
    CAPTURE(at);
    CAPTURE(got.value);
    CAPTURE(got.taped_value);
    CAPTURE(got.symbolic);
    CAPTURE(got.reverse);
    CAPTURE(got.taped);
    CHECK(same(got.value, value));
    CHECK(same(got.taped_value, value));
    CHECK(same(got.symbolic, derivative));
    CHECK(same(got.reverse, derivative));
    CHECK(same(got.reverse_with_value, derivative));
    CHECK(same(got.taped, derivative));
}
}  // namespace every_engine
