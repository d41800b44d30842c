#pragma once
// A loss over runtime data: the negative log-likelihood of a Gaussian mixture (ADBench's GMM
// objective without its prior) over 1,000 points in d dimensions with K components,
//   L(theta) = sum_i [ log sum_k exp(alpha_k) - log sum_k exp(alpha_k + sum_r q_kr - |Q_k (x_i - mu_k)|^2 / 2) ],
// Q_k = diag(exp(q_k)) + L_k (strictly lower), theta = (alpha, mu, q, l): 30 parameters for
// d = 2, K = 5 (gmm_data.cpp), 1,650 for d = 10, K = 25 (gmm_data_large.cpp), one flat array as
// an optimizer holds it (gmm_kernel.hpp). gmm_data<D, K>::register_all() registers
// BM_gmm_d<D>_K<K>_1000points_<variant>, each checked against the hand-written gradient before
// it is timed:
//   sum_over:         sum_over(data, value_and_gradient(kernel, theta), theta = p, x = each_record),
//                     as a user writes it: the parameter-only subexpressions (exp(q), the weights'
//                     log-sum) computed once, the rest per point (sum_over.hpp, detail/hoist.hpp)
//   sum_over_on_tape: the same sum with tape::vars bound to theta, one node of the tape
//   sum_over_lambda:  the kernel's value_and_gradient called per point in a lambda, summed:
//                     everything computed at every point
//   hybrid_tape:      a loop on the tape, the kernel one recorded operation per point (tape/kernel.hpp)
//   tape:             the same loop with every operation of the kernel recorded (the plain tape)
//   adolc, adolc_retape: the same loss on ADOL-C, recorded once or at every call (adolc_peer.hpp)
//   hand:             the gradient written out by hand (softmax weights times the per-component partials)
#include "adolc_peer.hpp"
#include "common.hpp"
#include "gmm_kernel.hpp"

#include <leibniz/sum_over.hpp>
#include <leibniz/tape.hpp>

#include <string>
#include <vector>

namespace bench {

template <std::size_t D, std::size_t K> struct gmm_data {
    using model = bench::gmm_kernel<D, K>;
    static constexpr std::size_t d = D, n = model::n, points = 1000;
    static constexpr auto theta = model::theta;
    static constexpr auto x = model::x;
    // function-local statics: a class template's static data members are initialized in no
    // order, and registration (itself a static initializer) reads these
    static auto const& kernel() {
        static auto const e = model::expression();
        return e;
    }

    static std::array<double, n> const& start() {
        static std::array<double, n> const p = [] {
            std::array<double, n> p{};
            for (std::size_t k = 0; k < n; ++k) p[k] = 0.4 * std::sin(1.3 * static_cast<double>(k) + 0.4);
            return p;
        }();
        return p;
    }
    static std::vector<std::array<double, d>> const& data() {
        static std::vector<std::array<double, d>> const v = [] {
            std::vector<std::array<double, d>> v(points);
            unsigned state = 12345;
            auto uniform = [&] {
                state = state * 1103515245u + 12345u;
                return static_cast<double>((state >> 8) & 0xffff) / 65536.0;
            };
            for (auto& p : v) {
                std::size_t const k = static_cast<std::size_t>(uniform() * K);
                for (std::size_t r = 0; r < d; ++r)
                    p[r] = 1.5 * std::cos(static_cast<double>(k + r)) + (uniform() - 0.5);
            }
            return v;
        }();
        return v;
    }

    // ---- leibniz ------------------------------------------------------------------------------
    static std::array<double, n + 1> by_sum_over(std::array<double, n> const& p) {
        auto const total = leibniz::sum_over(data(), leibniz::value_and_gradient(kernel(), theta), theta = p,
                                             x = leibniz::each_record);
        return gradient_then_value<n>(total.gradient, total.value);
    }

    static std::array<double, n + 1> by_sum_over_lambda(std::array<double, n> const& p) {
        auto const per_point = leibniz::value_and_gradient(kernel(), theta);
        auto const total = leibniz::sum_over(
            data(), [&](std::array<double, d> const& point) { return per_point(theta = p, x = point); });
        return gradient_then_value<n>(total.gradient, total.value);
    }

    static std::array<double, n + 1> by_hybrid_tape(std::array<double, n> const& p) {
        return on_tape(p, [](std::array<leibniz::tape::var, n> const& v) {
            leibniz::tape::var loss = 0.0;
            for (auto const& point : data()) loss += kernel()(theta = v, x = point);
            return loss;
        });
    }

    static std::array<double, n + 1> by_sum_over_on_tape(std::array<double, n> const& p) {
        return on_tape(p, [](std::array<leibniz::tape::var, n> const& v) {
            return leibniz::sum_over(data(), kernel(), theta = v, x = leibniz::each_record);
        });
    }

    static void register_all() {
        static std::array<double, n + 1> const want = model::hand(start(), data());
        std::string const name = "BM_gmm_d" + std::to_string(D) + "_K" + std::to_string(K) + "_1000points_";
        auto const add = [&](char const* variant, auto compute) {
            benchmark::RegisterBenchmark((name + variant).c_str(), [compute](benchmark::State& state) {
                bench::timed(state, start(), want, compute);
            });
        };
        add("hand", [](std::array<double, n> const& p) { return model::hand(p, data()); });
        add("sum_over", by_sum_over);
        add("sum_over_on_tape", by_sum_over_on_tape);
        add("sum_over_lambda", by_sum_over_lambda);
        add("hybrid_tape", by_hybrid_tape);
        add("tape", [](std::array<double, n> const& p) { return model::plain_tape(p, data()); });
#if LEIBNIZ_HAVE_ADOLC
        auto const on_adolc = [](std::vector<adouble> const& v) {
            return model::template objective<adouble>(v, data());
        };
        add("adolc", adolc_recorded_once<n, true>(on_adolc));
        add("adolc_retape", adolc_recorded_each_call<n, true>(on_adolc));
#endif
    }
};

}  // namespace bench
