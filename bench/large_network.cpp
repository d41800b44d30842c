// A model of realistic size: the squared loss of a dense tanh network 16-32-1 on one sample,
//   h_j = tanh(sum_i W1[j][i] x_i + b1[j])  (j < 32),   out = sum_j W2[j] h_j + b2,   L = (out - y)^2,
// gradient by its 577 weights (W1 row-major, then b1, W2, b2), written as a user would: one
// family of weights bound from the user's array, sum<N> over the inputs and the hidden units.
// Variants: the loss alone (leibniz), its gradient (leibniz, the hand-written backpropagation,
// the tape recorded every time, as a training loop would; ADOL-C recorded once and recorded every
// time, adolc_peer.hpp). Every result is checked against the hand-written one before timing;
// inputs are read through volatile (common.hpp's load).
#include "adolc_peer.hpp"
#include "common.hpp"

#include <leibniz/tape.hpp>

namespace {
using namespace leibniz;

constexpr std::size_t inputs = 16, hidden = 32, weights = inputs * hidden + 2 * hidden + 1;
template <std::size_t I> constexpr std::integral_constant<std::size_t, I> at{};
constexpr var_array<"w", weights> w;
constexpr var_array<"x", inputs> x;
constexpr var<"y"> y;

auto loss_expression() {
    auto unit = [](auto j) {
        constexpr std::size_t J = decltype(j)::value;
        return tanh(sum<inputs>([](auto i) { return w[at<J * inputs + decltype(i)::value>] * x[i]; }) +
                    w[at<inputs * hidden + J>]);
    };
    auto out = sum<hidden>([&](auto j) { return w[at<inputs * hidden + hidden + decltype(j)::value>] * unit(j); }) +
               w[at<weights - 1>];
    return square(out - y);
}
auto const loss = loss_expression();

std::array<double, weights> const parameters = [] {
    std::array<double, weights> p{};
    for (std::size_t k = 0; k < weights; ++k) p[k] = 0.3 * std::sin(0.7 * static_cast<double>(k) + 0.2);
    return p;
}();
std::array<double, inputs> const sample = [] {
    std::array<double, inputs> s{};
    for (std::size_t i = 0; i < inputs; ++i) s[i] = std::cos(0.9 * static_cast<double>(i));
    return s;
}();
constexpr double target = 0.25;

double hand_loss(std::array<double, weights> const& p) {
    double out = p[weights - 1];
    for (std::size_t j = 0; j < hidden; ++j) {
        double a = p[inputs * hidden + j];
        for (std::size_t i = 0; i < inputs; ++i) a += p[j * inputs + i] * sample[i];
        out += p[inputs * hidden + hidden + j] * std::tanh(a);
    }
    return (out - target) * (out - target);
}

std::array<double, weights> hand_gradient(std::array<double, weights> const& p) {
    std::array<double, hidden> h{};
    double out = p[weights - 1];
    for (std::size_t j = 0; j < hidden; ++j) {
        double a = p[inputs * hidden + j];
        for (std::size_t i = 0; i < inputs; ++i) a += p[j * inputs + i] * sample[i];
        h[j] = std::tanh(a);
        out += p[inputs * hidden + hidden + j] * h[j];
    }
    double const d_out = 2 * (out - target);
    std::array<double, weights> g{};
    g[weights - 1] = d_out;
    for (std::size_t j = 0; j < hidden; ++j) {
        g[inputs * hidden + hidden + j] = d_out * h[j];
        double const d_a = d_out * p[inputs * hidden + hidden + j] * (1 - h[j] * h[j]);
        g[inputs * hidden + j] = d_a;
        for (std::size_t i = 0; i < inputs; ++i) g[j * inputs + i] = d_a * sample[i];
    }
    return g;
}

// The loss written once over its number type (the plain tape, ADOL-C).
template <class Number, class Parameters> Number network_loss(Parameters const& v) {
    using std::tanh;
    Number out = v[weights - 1];
    for (std::size_t j = 0; j < hidden; ++j) {
        Number a = v[inputs * hidden + j];
        for (std::size_t i = 0; i < inputs; ++i) a = a + v[j * inputs + i] * sample[i];
        out = out + v[inputs * hidden + hidden + j] * tanh(a);
    }
    Number const r = out - target;
    return r * r;
}

std::array<double, weights> tape_gradient(std::array<double, weights> const& p) {
    return bench::head<weights>(
        bench::on_tape(p, [](std::array<tape::var, weights> const& v) { return network_loss<tape::var>(v); }));
}

[[maybe_unused]] bool const registered = [] {
    static std::array<double, 1> const want_loss{hand_loss(parameters)};
    static std::array<double, weights> const want = hand_gradient(parameters);
    benchmark::RegisterBenchmark("BM_network16_32_loss_leibniz", [](benchmark::State& state) {
        bench::timed(state, parameters, want_loss, [](std::array<double, weights> const& p) {
            return std::array<double, 1>{loss(w = p, x = sample, y = target)};
        });
    });
    benchmark::RegisterBenchmark("BM_network16_32_loss_hand", [](benchmark::State& state) {
        bench::timed(state, parameters, want_loss,
                     [](std::array<double, weights> const& p) { return std::array<double, 1>{hand_loss(p)}; });
    });
    benchmark::RegisterBenchmark("BM_network16_32_gradient_leibniz", [](benchmark::State& state) {
        bench::timed(state, parameters, want, [](std::array<double, weights> const& p) {
            return gradient(loss, w)(w = p, x = sample, y = target);
        });
    });
    benchmark::RegisterBenchmark("BM_network16_32_gradient_hand", [](benchmark::State& state) {
        bench::timed(state, parameters, want, [](std::array<double, weights> const& p) { return hand_gradient(p); });
    });
    benchmark::RegisterBenchmark("BM_network16_32_gradient_tape", [](benchmark::State& state) {
        bench::timed(state, parameters, want, [](std::array<double, weights> const& p) { return tape_gradient(p); });
    });
#if LEIBNIZ_HAVE_ADOLC
    // made once here, not in the benchmark: each holds its own ADOL-C tag (goal_models.cpp says why)
    auto const on_adolc = [](std::vector<adouble> const& v) { return network_loss<adouble>(v); };
    auto const once = bench::adolc_recorded_once<weights, false>(on_adolc);
    auto const each = bench::adolc_recorded_each_call<weights, false>(on_adolc);
    benchmark::RegisterBenchmark("BM_network16_32_gradient_adolc",
                                 [=](benchmark::State& state) { bench::timed(state, parameters, want, once); });
    benchmark::RegisterBenchmark("BM_network16_32_gradient_adolc_retape",
                                 [=](benchmark::State& state) { bench::timed(state, parameters, want, each); });
#endif
    return true;
}();

}  // namespace
