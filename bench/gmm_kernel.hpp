#pragma once
// ADBench's Gaussian-mixture objective for one point x in d dimensions with K components,
//   f(theta; x) = log sum_k exp(alpha_k) - log sum_k exp(alpha_k + sum_r q_kr - |Q_k (x - mu_k)|^2 / 2),
// Q_k = diag(exp(q_k)) + L_k (strictly lower), theta = (alpha, mu, q, l) in one flat family of
// K (1 + 2 d + d (d - 1) / 2) parameters, as an optimizer holds them; the point is a family of d.
// Written as a user writes it, with sum<N>; with its gradient by hand and on the plain tape, over
// a range of points. Shared by bench/gmm_data.cpp and bench/goal_models.cpp.
#include <algorithm>
#include <array>
#include <cmath>
#include <iterator>
#include <cstddef>
#include <type_traits>

#include <leibniz/leibniz.hpp>

#include "common.hpp"

namespace bench {

template <std::size_t D, std::size_t K> struct gmm_kernel {
    static constexpr std::size_t d = D, components = K, tri = D * (D - 1) / 2, n = K * (1 + 2 * D + tri);
    template <std::size_t I> static constexpr std::integral_constant<std::size_t, I> at{};
    static constexpr leibniz::var_array<"theta", n> theta{};
    static constexpr leibniz::var_array<"x", D> x{};
    // where each parameter sits in theta
    static constexpr std::size_t alpha_at(std::size_t k) { return k; }
    static constexpr std::size_t mu_at(std::size_t k, std::size_t r) { return K + k * D + r; }
    static constexpr std::size_t q_at(std::size_t k, std::size_t r) { return K + K * D + k * D + r; }
    static constexpr std::size_t l_at(std::size_t k, std::size_t r, std::size_t j) {
        return K + 2 * K * D + k * tri + r * (r - 1) / 2 + j;
    }

    // row r of Q_k (x - mu_k)
    template <std::size_t Kc, std::size_t R> static auto row() {
        using leibniz::exp;
        auto diagonal = exp(theta[at<q_at(Kc, R)>]) * (x[at<R>] - theta[at<mu_at(Kc, R)>]);
        if constexpr (R == 0) return diagonal;
        else
            return diagonal + leibniz::sum<R>([](auto j) {
                       return theta[at<l_at(Kc, R, decltype(j)::value)>] *
                              (x[j] - theta[at<mu_at(Kc, decltype(j)::value)>]);
                   });
    }
    static auto expression() {
        using namespace leibniz::literals;
        auto component = [](auto k) {
            constexpr std::size_t Kc = decltype(k)::value;
            auto squared = leibniz::sum<D>([](auto r) { return square(row<Kc, decltype(r)::value>()); });
            auto log_det = leibniz::sum<D>([](auto r) { return theta[at<q_at(Kc, decltype(r)::value)>]; });
            return exp(theta[at<alpha_at(Kc)>] + log_det - 0.5_c * squared);
        };
        return log(leibniz::sum<K>([](auto k) { return exp(theta[k]); })) - log(leibniz::sum<K>(component));
    }

    /// The gradient by hand, then the loss, summed over the points.
    template <class Points> static std::array<double, n + 1> hand(std::array<double, n> const& p, Points const& data) {
        std::array<double, n + 1> out{};
        double alpha_max = p[0];
        for (std::size_t k = 1; k < K; ++k) alpha_max = std::max(alpha_max, p[alpha_at(k)]);
        double alpha_sum = 0;
        for (std::size_t k = 0; k < K; ++k) alpha_sum += std::exp(p[alpha_at(k)] - alpha_max);
        double const log_alpha_sum = alpha_max + std::log(alpha_sum);
        std::array<double, K * d> eq{};
        for (std::size_t k = 0; k < K; ++k)
            for (std::size_t r = 0; r < d; ++r) eq[k * d + r] = std::exp(p[q_at(k, r)]);
        for (auto const& point : data) {
            std::array<double, K> s{};
            std::array<double, K * d> z{}, centred{};
            for (std::size_t k = 0; k < K; ++k) {
                double squared = 0, log_det = 0;
                for (std::size_t r = 0; r < d; ++r) {
                    centred[k * d + r] = point[r] - p[mu_at(k, r)];
                    double zr = eq[k * d + r] * centred[k * d + r];
                    for (std::size_t j = 0; j < r; ++j) zr += p[l_at(k, r, j)] * centred[k * d + j];
                    z[k * d + r] = zr;
                    squared += zr * zr;
                    log_det += p[q_at(k, r)];
                }
                s[k] = p[alpha_at(k)] + log_det - 0.5 * squared;
            }
            double s_max = s[0];
            for (std::size_t k = 1; k < K; ++k) s_max = std::max(s_max, s[k]);
            double s_sum = 0;
            std::array<double, K> e{};  // each exponential once
            for (std::size_t k = 0; k < K; ++k) s_sum += e[k] = std::exp(s[k] - s_max);
            out[n] += log_alpha_sum - (s_max + std::log(s_sum));
            double const inverse_sum = 1 / s_sum;
            for (std::size_t k = 0; k < K; ++k) {
                double const w = -e[k] * inverse_sum;  // dL/ds_k
                out[alpha_at(k)] += w;
                for (std::size_t r = 0; r < d; ++r) {
                    double const zr = z[k * d + r];
                    out[q_at(k, r)] += w * (1 - zr * eq[k * d + r] * centred[k * d + r]);
                    double mu_partial = zr * eq[k * d + r];  // (Q^T z)_r: the diagonal, then the rows below
                    for (std::size_t row = r + 1; row < d; ++row) mu_partial += z[k * d + row] * p[l_at(k, row, r)];
                    out[mu_at(k, r)] += w * mu_partial;
                    for (std::size_t j = 0; j < r; ++j) out[l_at(k, r, j)] -= w * zr * centred[k * d + j];
                }
            }
        }
        for (std::size_t k = 0; k < K; ++k)
            out[alpha_at(k)] += static_cast<double>(std::size(data)) * std::exp(p[alpha_at(k)] - log_alpha_sum);
        return out;
    }

    /// The objective summed over the points, written once over its number type: the plain tape's
    /// tape::var records every operation, so does ADOL-C's adouble (bench/adolc_peer.hpp).
    template <class Number, class Parameters, class Points>
    static Number objective(Parameters const& v, Points const& data) {
        using std::exp;
        using std::log;
        Number alpha_sum = 0.0;
        for (std::size_t k = 0; k < K; ++k) alpha_sum += exp(v[alpha_at(k)]);
        Number const log_alpha_sum = log(alpha_sum);
        Number loss = 0.0;
        for (auto const& point : data) {
            Number mixture = 0.0;
            for (std::size_t k = 0; k < K; ++k) {
                Number squared = 0.0, log_det = 0.0;
                for (std::size_t r = 0; r < d; ++r) {
                    Number zr = exp(v[q_at(k, r)]) * (point[r] - v[mu_at(k, r)]);
                    for (std::size_t j = 0; j < r; ++j) zr += v[l_at(k, r, j)] * (point[j] - v[mu_at(k, j)]);
                    squared += zr * zr;
                    log_det += v[q_at(k, r)];
                }
                mixture += exp(v[alpha_at(k)] + log_det - 0.5 * squared);
            }
            loss += log_alpha_sum - log(mixture);
        }
        return loss;
    }

    /// The same on the plain tape, every operation recorded.
    template <class Points>
    static std::array<double, n + 1> plain_tape(std::array<double, n> const& p, Points const& data) {
        return on_tape(
            p, [&](std::array<leibniz::tape::var, n> const& v) { return objective<leibniz::tape::var>(v, data); });
    }
};

}  // namespace bench
