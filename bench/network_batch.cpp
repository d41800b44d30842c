// A dense network's loss over a batch: a 2-8-1 tanh network (33 parameters), the squared error
// summed over 1,000 records (x1, x2, y),
//   L(p) = sum_i (sum_j W2_j tanh(W1_j0 x1_i + W1_j1 x2_i + b1_j) + b2 - y_i)^2,
// p = (W1 row-major, b1, W2, b2) in one flat array as an optimizer holds it. Variants, each
// checked against the hand-written gradient before it is timed:
//   sum_over:         sum_over(batch, value_and_gradient(loss, p), p = at, x1 = each_record(&record::x1), ...)
//   sum_over_on_tape: the same sum with tape::vars bound to p, one node of the tape
//   hybrid_tape:      a loop on the tape, the kernel one recorded operation per record
//   tape:             the same loop with every operation recorded (the plain tape)
//   adolc, adolc_retape: the same loss on ADOL-C, recorded once or at every call (adolc_peer.hpp)
//   hand:             backpropagation written out by hand, accumulated over the batch
// Nothing here depends on the parameters alone but the parameters themselves, so the sum's
// split (detail/hoist.hpp) hoists nothing: this measures the per-record sweep against the hand.
#include "adolc_peer.hpp"
#include "common.hpp"

#include <leibniz/sum_over.hpp>
#include <leibniz/tape.hpp>

#include <vector>

namespace {
using namespace leibniz;

constexpr std::size_t hidden = 8, n = 3 * hidden + hidden + 1, records = 1000;
constexpr var_array<"p", n> p;
constexpr var<"x1"> x1;
constexpr var<"x2"> x2;
constexpr var<"y"> y;
struct record {
    double x1, x2, y;
};

auto const loss =
    square(sum<hidden>([](auto j) {
               return p[j + c<3 * hidden>] * tanh(p[2_c * j] * x1 + p[2_c * j + 1_c] * x2 + p[j + c<2 * hidden>]);
           }) +
           p[c<n - 1>] - y);

std::array<double, n> const start = [] {
    std::array<double, n> q{};
    for (std::size_t k = 0; k < n; ++k) q[k] = 0.5 * std::sin(0.9 * static_cast<double>(k) + 0.3);
    return q;
}();
std::vector<record> const batch = [] {
    std::vector<record> v(records);
    for (std::size_t i = 0; i < records; ++i) {
        double const t = static_cast<double>(i) / records;
        v[i] = {std::cos(7.0 * t), std::sin(3.0 * t), std::sin(5.0 * t) * std::cos(2.0 * t)};
    }
    return v;
}();

std::array<double, n + 1> hand(std::array<double, n> const& q) {
    std::array<double, n + 1> out{};
    for (auto const& r : batch) {
        std::array<double, hidden> h{};
        double output = q[n - 1];
        for (std::size_t j = 0; j < hidden; ++j) {
            h[j] = std::tanh(q[2 * j] * r.x1 + q[2 * j + 1] * r.x2 + q[2 * hidden + j]);
            output += q[3 * hidden + j] * h[j];
        }
        double const e = output - r.y;
        out[n] += e * e;
        double const de = 2 * e;
        out[n - 1] += de;
        for (std::size_t j = 0; j < hidden; ++j) {
            out[3 * hidden + j] += de * h[j];
            double const dz = de * q[3 * hidden + j] * (1 - h[j] * h[j]);
            out[2 * j] += dz * r.x1;
            out[2 * j + 1] += dz * r.x2;
            out[2 * hidden + j] += dz;
        }
    }
    return out;
}

std::array<double, n + 1> by_sum_over(std::array<double, n> const& q) {
    auto const [value, g] = sum_over(batch, value_and_gradient(loss, p), p = q, x1 = each_record(&record::x1),
                                     x2 = each_record(&record::x2), y = each_record(&record::y));
    return bench::gradient_then_value<n>(g, value);
}

std::array<double, n + 1> by_sum_over_on_tape(std::array<double, n> const& q) {
    return bench::on_tape(q, [](std::array<tape::var, n> const& v) {
        return sum_over(batch, loss, p = v, x1 = each_record(&record::x1), x2 = each_record(&record::x2),
                        y = each_record(&record::y));
    });
}

std::array<double, n + 1> by_hybrid_tape(std::array<double, n> const& q) {
    return bench::on_tape(q, [](std::array<tape::var, n> const& v) {
        tape::var total = 0.0;
        for (auto const& r : batch) total += loss(p = v, x1 = r.x1, x2 = r.x2, y = r.y);
        return total;
    });
}

// The loss written once over its number type: the plain tape records every operation, so does ADOL-C.
template <class Number, class Parameters> Number batch_loss(Parameters const& v) {
    using std::tanh;
    Number total = 0.0;
    for (auto const& r : batch) {
        Number output = v[n - 1];
        for (std::size_t j = 0; j < hidden; ++j)
            output += v[3 * hidden + j] * tanh(v[2 * j] * r.x1 + v[2 * j + 1] * r.x2 + v[2 * hidden + j]);
        Number const e = output - r.y;
        total += e * e;
    }
    return total;
}

std::array<double, n + 1> by_plain_tape(std::array<double, n> const& q) {
    return bench::on_tape(q, [](std::array<tape::var, n> const& v) { return batch_loss<tape::var>(v); });
}

[[maybe_unused]] bool const registered = [] {
    static std::array<double, n + 1> const want = hand(start);
    auto const add = [](char const* name, auto compute) {
        benchmark::RegisterBenchmark(name,
                                     [compute](benchmark::State& state) { bench::timed(state, start, want, compute); });
    };
    add("BM_network2_8_batch1000_hand", hand);
    add("BM_network2_8_batch1000_sum_over", by_sum_over);
    add("BM_network2_8_batch1000_sum_over_on_tape", by_sum_over_on_tape);
    add("BM_network2_8_batch1000_hybrid_tape", by_hybrid_tape);
    add("BM_network2_8_batch1000_tape", by_plain_tape);
#if LEIBNIZ_HAVE_ADOLC
    auto const on_adolc = [](std::vector<adouble> const& v) { return batch_loss<adouble>(v); };
    add("BM_network2_8_batch1000_adolc", bench::adolc_recorded_once<n, true>(on_adolc));
    add("BM_network2_8_batch1000_adolc_retape", bench::adolc_recorded_each_call<n, true>(on_adolc));
#endif
    return true;
}();

}  // namespace
