// Forward mode vs reverse mode: the same Jacobian, column by column or row by row.
//   forward: one pass per INPUT x_j gives column j, d f_i/d x_j for every output i;
//            here with d(f_i, x_j), the derivative expressions evaluated at the point;
//   reverse: one pass per OUTPUT f_i gives row i, its gradient, from one forward and one
//            reverse sweep: gradient(f_i, x...).
// So reverse mode wins with many inputs and one output (a loss and its weights), and forward
// mode with one input and many outputs (a curve and its tangent).
#include <array>
#include <chrono>
#include <cmath>
#include <cstddef>
#include <cstdio>
#include <utility>

#include <leibniz/leibniz.hpp>

#include "compare.hpp"

using namespace leibniz;
using namespace leibniz::literals;

template <std::size_t K> inline constexpr std::integral_constant<std::size_t, K> at{};

template <class Body> double nanoseconds_per_call(Body body, int repetitions = 100'000) {
    volatile double sink = 0;
    auto const start = std::chrono::steady_clock::now();
    for (int i = 0; i < repetitions; ++i) sink = sink + body(1e-9 * i);
    auto const stop = std::chrono::steady_clock::now();
    return std::chrono::duration<double, std::nano>(stop - start).count() / repetitions;
}

constexpr std::size_t n = 16;  // inputs of the first function, outputs of the second

// Many inputs, one output: log-sum-exp, the softmax's normalizer. d f/d w_i = softmax_i(w).
constexpr var_array<"w", n> w;
constexpr auto logsumexp = log(sum<n>([](auto i) { return exp(w[i]); }));

// One input, many outputs: a curve in n dimensions, f_k(t) = sin((k + 1) t) / (k + 1),
// whose tangent is f_k'(t) = cos((k + 1) t).
constexpr var<"t"> t;
template <std::size_t K> constexpr auto curve = sin(c<K + 1>* t) / c<K + 1>;

int main() {
    examples::comparison compare;

    std::array<double, n> w0{};
    for (std::size_t i = 0; i < n; ++i) w0[i] = std::sin(1.0 + static_cast<double>(i));
    double total = 0;
    for (double v : w0) total += std::exp(v);

    // ---- n inputs, 1 output: the Jacobian is one row -----------------------------------
    std::printf("log-sum-exp of %zu inputs, 1 output: J is 1 x %zu\n", n, n);
    auto forward_row = [&](std::array<double, n> const& at_w) {  // n passes: one per input
        return [&]<std::size_t... J>(std::index_sequence<J...>) {
            return std::array<double, n>{d(logsumexp, w[at<J>])(w = at_w)...};
        }
        (std::make_index_sequence<n>{});
    };
    auto const reverse = gradient(logsumexp, w);  // 1 pass: one forward and one reverse sweep
    std::array<double, n> const by_columns = forward_row(w0), by_row = reverse(w = w0);
    compare.header();
    for (std::size_t j : {std::size_t{0}, std::size_t{7}, n - 1}) {
        char what[64];
        std::snprintf(what, sizeof what, "df/dw%zu: forward (d)", j);
        compare(what, by_columns[j], std::exp(w0[j]) / total, 1e-15);
        std::snprintf(what, sizeof what, "df/dw%zu: reverse (gradient)", j);
        compare(what, by_row[j], std::exp(w0[j]) / total, 1e-15);
    }
    auto shifted = [&](double e) {
        auto v = w0;
        v[0] += e;
        return v;
    };
    double const t_forward = nanoseconds_per_call([&](double e) { return forward_row(shifted(e))[n - 1]; });
    double const t_reverse = nanoseconds_per_call([&](double e) { return reverse(w = shifted(e))[n - 1]; });
    std::printf("  forward: %2zu passes, %8.0f ns     reverse: %2d pass,   %8.0f ns\n\n", n, t_forward, 1, t_reverse);

    // ---- 1 input, n outputs: the Jacobian is one column ----------------------------------
    std::printf("a curve of %zu coordinates, 1 input: J is %zu x 1\n", n, n);
    double const t0 = 0.3;
    // The column's expressions d(f_k, t) are evaluated one after the other; the outputs share
    // nothing but t, so together they are one sweep over the curve's graph.
    auto forward_column = [&](double at_t) {  // 1 pass, for the one input: every output's d/dt
        return [&]<std::size_t... K>(std::index_sequence<K...>) {
            return std::array<double, n>{d(curve<K>, t)(t = at_t)...};
        }
        (std::make_index_sequence<n>{});
    };
    auto reverse_rows = [&](double at_t) {  // n passes: one gradient per output
        return [&]<std::size_t... K>(std::index_sequence<K...>) {
            return std::array<double, n>{gradient(curve<K>, t)(t = at_t)[0]...};
        }
        (std::make_index_sequence<n>{});
    };
    std::array<double, n> const column = forward_column(t0), rows = reverse_rows(t0);
    compare.header();
    for (std::size_t k : {std::size_t{0}, std::size_t{7}, n - 1}) {
        double const expected = std::cos(static_cast<double>(k + 1) * t0);
        char what[64];
        std::snprintf(what, sizeof what, "df%zu/dt: forward (d)", k);
        compare(what, column[k], expected, 1e-15);
        std::snprintf(what, sizeof what, "df%zu/dt: reverse (gradient)", k);
        compare(what, rows[k], expected, 1e-15);
    }
    double const t_column = nanoseconds_per_call([&](double e) { return forward_column(t0 + e)[n - 1]; });
    double const t_rows = nanoseconds_per_call([&](double e) { return reverse_rows(t0 + e)[n - 1]; });
    std::printf("  forward: %2d pass,   %8.0f ns     reverse: %2zu passes, %8.0f ns\n", 1, t_column, n, t_rows);
    std::printf("(times: mean of 10^5 calls, printed and not checked; the pass counts are the point)\n");
    return compare.exit_code();
}
