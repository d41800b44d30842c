// A leibniz expression as one operation of the tape (tape/kernel.hpp): f(x = a) with tape::vars
// bound, checked against the same function recorded operation by operation and against
// finite differences; families, data bound as numbers, loops over data with branches on data
// values, kernels inside kernels, and misuse.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <leibniz/leibniz.hpp>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

using namespace leibniz::literals;
namespace tape = leibniz::tape;

namespace {
constexpr leibniz::var<"x"> x;
constexpr leibniz::var<"y"> y;
constexpr leibniz::var<"t"> t;
constexpr leibniz::var_array<"w", 3> w;
constexpr leibniz::var_array<"v", 64> v;

// one term of a model, written once: generic, so that it runs on tape::vars and on variables
constexpr auto term = [](auto const& a, auto const& b, auto const& c, double data) {
    using std::exp;
    using std::log;
    using std::tanh;
    return log(1.0 + exp(a * data - b)) * tanh(c + data * data);
};
}  // namespace

TEST_CASE("a kernel called with tape::vars records its value and partials") {
    tape::scope recording;
    tape::var a = 0.7, b = -1.3;
    auto const kernel = sin(x * y) + x / y;
    tape::var const f = kernel(x = a, y = b);
    auto const g = tape::gradient(f, a, b);
    CHECK(f.value() == doctest::Approx(std::sin(0.7 * -1.3) + 0.7 / -1.3));
    CHECK(g[0] == doctest::Approx(-1.3 * std::cos(0.7 * -1.3) + 1 / -1.3));
    CHECK(g[1] == doctest::Approx(0.7 * std::cos(0.7 * -1.3) - 0.7 / (1.3 * 1.3)));
    // with plain numbers in the kernel (runtime constants) and a variable bound to data
    auto const scaled = 2.5 * x * x + y;
    tape::var const s = scaled(x = a, y = 4.0);
    CHECK(s.value() == doctest::Approx(2.5 * 0.49 + 4.0));
    CHECK(tape::gradient(s, a)[0] == doctest::Approx(5.0 * 0.7));
    // the result is an ordinary tape::var: operations continue on the tape
    tape::var const z = exp(f) * s;
    auto const gz = tape::gradient(z, a, b);
    CHECK(gz[0] == doctest::Approx(std::exp(f.value()) * g[0] * s.value() + std::exp(f.value()) * 5.0 * 0.7));
    CHECK(gz[1] == doctest::Approx(std::exp(f.value()) * g[1] * s.value()));
}

TEST_CASE("a family bound to tape::vars: every member is an argument of the kernel") {
    tape::scope recording;
    std::array<tape::var, 3> ws{0.4, -0.2, 1.1};
    tape::var const c = 0.5;
    auto const kernel = term(w[0_c], w[1_c], w[2_c] * x, 0.8);
    tape::var const f = kernel(w = ws, x = c);
    auto const g = tape::gradient(f, ws[0], ws[1], ws[2], c);
    tape::var const plain = term(ws[0], ws[1], ws[2] * c, 0.8);
    auto const want = tape::gradient(plain, ws[0], ws[1], ws[2], c);
    CHECK(f.value() == doctest::Approx(plain.value()).epsilon(1e-14));
    for (std::size_t i = 0; i < 4; ++i) CHECK(g[i] == doctest::Approx(want[i]).epsilon(1e-13));
}

TEST_CASE("a fresh recording of many kernel calls grows its argument arena geometrically") {
    // A thread's first recording starts with no capacity. Each kernel call appends its arguments
    // to the recording's arena; growing it to exactly the size needed at every call copied the
    // whole arena each time, quadratic in the calls (4,000 calls of 256 arguments: 17.8 s, against
    // 6 ms once the arena had grown). Counted on a new thread, so that no capacity is inherited.
    auto const kernel = leibniz::sum<64>([](auto i) { return v[i] * x; });
    std::size_t calls = 0, growths = 0;
    double partial = 0;
    std::thread([&] {
        tape::scope recording;
        std::array<tape::var, 64> vs;
        for (std::size_t i = 0; i < vs.size(); ++i) vs[i] = tape::var(0.5 + static_cast<double>(i));
        auto const& fan = tape::detail::this_thread().levels[0].fan_partials;
        tape::var loss = 0.0;
        for (; calls < 500; ++calls) {
            std::size_t const before = fan.capacity();
            loss += kernel(v = vs, x = 0.01 * static_cast<double>(calls));
            if (fan.capacity() != before) ++growths;
        }
        partial = tape::gradient(loss, vs[5])[0];
    }).join();
    CHECK(calls == 500);
    CHECK(growths <= 12);  // about log2(500): one growth per call before
    CHECK(partial == doctest::Approx(0.01 * 499 * 500 / 2));
}

TEST_CASE("a loop over 1,000 data points with a branch on the data, kernel on the tape vs the plain tape") {
    constexpr std::size_t n = 1000;
    std::vector<double> data(n);
    for (std::size_t i = 0; i < n; ++i) data[i] = -2.0 + 4.0 * static_cast<double>((i * 617) % n) / n;
    // two kernels, chosen at run time by the data point's sign: the branch stays in C++
    constexpr leibniz::var<"d"> d;
    auto const positive = log(1_c + exp(x * d - y)) * tanh(t + d * d);
    auto const negative = square(x * d - y) / 2_c + t * d;
    auto const loss_by_kernels = [&](double a0, double b0, double c0, std::array<double, 3>& gradient) {
        tape::scope recording;
        tape::var a = a0, b = b0, c = c0;
        tape::var loss = 0.0;
        for (double di : data)
            loss += di > 0 ? positive(x = a, y = b, t = c, d = di) : negative(x = a, y = b, t = c, d = di);
        gradient = tape::gradient(loss, a, b, c);
        return loss.value();
    };
    auto const loss_plain = [&](double a0, double b0, double c0, std::array<double, 3>& gradient) {
        tape::scope recording;
        tape::var a = a0, b = b0, c = c0;
        tape::var loss = 0.0;
        for (double di : data) {
            if (di > 0) loss += log(1.0 + exp(a * di - b)) * tanh(c + di * di);
            else loss += (a * di - b) * (a * di - b) / 2.0 + c * di;
        }
        gradient = tape::gradient(loss, a, b, c);
        return loss.value();
    };
    std::array<double, 3> by_kernels{}, by_plain_tape{}, unused{};
    double const value = loss_by_kernels(0.3, -0.4, 0.9, by_kernels);
    CHECK(value == doctest::Approx(loss_plain(0.3, -0.4, 0.9, by_plain_tape)).epsilon(1e-13));
    std::array<double, 3> const at{0.3, -0.4, 0.9};
    for (std::size_t i = 0; i < 3; ++i) {
        CHECK(by_kernels[i] == doctest::Approx(by_plain_tape[i]).epsilon(1e-12));
        auto moved = at;
        double const h = 1e-6;
        moved[i] = at[i] + h;
        double const up = loss_plain(moved[0], moved[1], moved[2], unused);
        moved[i] = at[i] - h;
        double const down = loss_plain(moved[0], moved[1], moved[2], unused);
        CHECK(by_kernels[i] == doctest::Approx((up - down) / (2 * h)).epsilon(1e-6));
    }
}

TEST_CASE("kernels inside kernels, and a kernel whose argument is another kernel's result") {
    tape::scope recording;
    tape::var a = 1.2;
    auto const inner = x * x + sin(x);
    auto const outer = exp(y) / (1_c + y * y);
    tape::var const u = inner(x = a);
    tape::var const v = outer(y = u);
    double const iu = 1.44 + std::sin(1.2);
    double const dv = std::exp(iu) / (1 + iu * iu) - std::exp(iu) * 2 * iu / ((1 + iu * iu) * (1 + iu * iu));
    CHECK(v.value() == doctest::Approx(std::exp(iu) / (1 + iu * iu)));
    CHECK(tape::gradient(v, a)[0] == doctest::Approx(dv * (2.4 + std::cos(1.2))));
}

TEST_CASE("a kernel refuses tape::vars of another recording, with the tape's sentence") {
    tape::scope outer;
    tape::var a = 1.0;
    std::string message;
    {
        tape::scope inner;
        tape::var b = 2.0;
        try {
            (void)(x * y)(x = a, y = b);
        } catch (tape::error const& e) {
            message = e.what();
        }
    }
    CHECK(message.find("recording") != std::string::npos);
}

TEST_CASE("outputs(f, g) called with tape::vars: one recorded operation per output, from one shared sweep") {
    tape::scope recording;
    tape::var a = 0.6, b = 1.7;
    auto const kernels = leibniz::outputs(x * y + sin(x), exp(x - y) * y);
    std::array<tape::var, 2> const out = kernels(x = a, y = b);
    CHECK(out[0].value() == doctest::Approx(0.6 * 1.7 + std::sin(0.6)));
    CHECK(out[1].value() == doctest::Approx(std::exp(0.6 - 1.7) * 1.7));
    tape::var const combined = out[0] * out[1];
    auto const g = tape::gradient(combined, a, b);
    tape::var const plain = (a * b + sin(a)) * (exp(a - b) * b);
    auto const want = tape::gradient(plain, a, b);
    CHECK(g[0] == doctest::Approx(want[0]).epsilon(1e-13));
    CHECK(g[1] == doctest::Approx(want[1]).epsilon(1e-13));
    // and with numbers bound, the values, as outputs(f, g)(...) gives them
    auto const values = kernels(x = 0.6, y = 1.7);
    CHECK(values[0] == doctest::Approx(out[0].value()));
}
