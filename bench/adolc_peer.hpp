#pragma once
// ADOL-C as the reverse-mode peer of the models of realistic size (hundreds to thousands of
// parameters, or a loss over 1,000 records), where the forward-mode peers of common.hpp would need
// one pass, or one partial per intermediate, for each parameter. A model is written once over its
// number type (the plain tape's tape::var, ADOL-C's adouble); ADOL-C records it and evaluates
// from the record, as its users do:
//   adolc:        recorded once, then each call is one forward and one reverse sweep over the
//                 record (zos_forward + fos_reverse, what ADOL-C's gradient() does, keeping the
//                 value). Valid while the control flow does not depend on the parameters; these
//                 models have no branch.
//   adolc_retape: recorded at every call, as a model whose branches depend on the parameters must.
#include "common.hpp"

#if LEIBNIZ_HAVE_ADOLC
#include <array>
#include <cstddef>
#include <vector>

namespace bench {

/// Records objective(parameters) at p on ADOL-C's tape `tag`; the parameters are N adoubles.
template <std::size_t N, class Objective>
void adolc_record(short tag, std::array<double, N> const& p, Objective const& objective) {
    trace_on(tag);
    std::vector<adouble> parameters(N);  // 1,650 adoubles: on the heap, not the benchmark's stack
    for (std::size_t k = 0; k < N; ++k) parameters[k] <<= p[k];
    adouble y = objective(parameters);  // not const: >>= marks it the dependent variable
    double value;
    y >>= value;
    trace_off();
}

/// The gradient at p of the function recorded on `tag`, then its value (the layout of the
/// gradient-and-value results the benchmarks check).
template <std::size_t N> std::array<double, N + 1> adolc_gradient_and_value(short tag, std::array<double, N> const& p) {
    std::array<double, N + 1> out{};
    double weight = 1;
    zos_forward(tag, 1, static_cast<int>(N), 1, p.data(), &out[N]);  // keep = 1: the reverse sweep follows
    fos_reverse(tag, 1, static_cast<int>(N), &weight, out.data());
    return out;
}

/// The gradient alone, for the benchmarks whose results have no value.
template <std::size_t N> std::array<double, N> adolc_gradient(short tag, std::array<double, N> const& p) {
    std::array<double, N> g{};
    ::gradient(tag, static_cast<int>(N), p.data(), g.data());
    return g;
}

/// The sweeps of the record for a result with or without the value.
template <bool WithValue, std::size_t N> auto adolc_sweeps(short tag, std::array<double, N> const& p) {
    if constexpr (WithValue) return adolc_gradient_and_value(tag, p);
    else return adolc_gradient(tag, p);
}

/// The two variants as functions of the parameters, for registration: WithValue gives
/// adolc_gradient_and_value's layout, otherwise the gradient alone. Each has a tag of its own;
/// the record-once variant records at the point its first call sees (bench::timed's check,
/// before the timing starts). Make each once, at registration, not in the benchmark's body:
/// ADOL-C keeps a buffer for every tag it has swept, and a tag per run ran out of them.
template <std::size_t N, bool WithValue, class Objective> auto adolc_recorded_once(Objective objective) {
    return [objective, tag = next_adolc_tag(), recorded = false](std::array<double, N> const& p) mutable {
        if (!recorded) {
            adolc_record(tag, p, objective);
            recorded = true;
        }
        return adolc_sweeps<WithValue>(tag, p);
    };
}
template <std::size_t N, bool WithValue, class Objective> auto adolc_recorded_each_call(Objective objective) {
    return [objective, tag = next_adolc_tag()](std::array<double, N> const& p) {
        adolc_record(tag, p, objective);
        return adolc_sweeps<WithValue>(tag, p);
    };
}

}  // namespace bench
#endif
