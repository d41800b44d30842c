// Recordings: nesting, reuse of the arena's capacity, and independence across threads.
#include <leibniz/tape.hpp>

#include <array>
#include <cmath>
#include <thread>
#include <vector>

#include <doctest/doctest.h>

namespace tape = leibniz::tape;
using doctest::Approx;

TEST_CASE("tape: an inner scope is a fresh recording; the outer one resumes after it") {
    tape::scope outer;
    tape::var x = 2.0;
    auto y = x * x;
    double inner_derivative = 0;
    {
        tape::scope inner;
        CHECK(inner.size() == 0);
        tape::var u = x.value();  // values cross scopes, vars do not
        inner_derivative = tape::gradient(exp(u), u)[0];
    }
    auto z = y * 3.0;  // the outer recording goes on
    CHECK(inner_derivative == Approx(std::exp(2.0)));
    CHECK(tape::gradient(z, x)[0] == 12.0);
    CHECK(outer.size() == 3);
}

TEST_CASE("tape: a warm thread records without growing the arena") {
    auto record = [](std::size_t n) {
        tape::var x = 1.0;
        tape::var y = x;
        for (std::size_t i = 0; i < n; ++i) y = y * 0.5 + x;
        return tape::gradient(y, x)[0];
    };
    std::size_t first_capacity = 0;
    {
        tape::scope recording;
        record(5000);
        first_capacity = recording.capacity();
        CHECK(first_capacity >= recording.size());
    }
    tape::scope again;
    CHECK(again.capacity() == first_capacity);  // kept from the first recording
    CHECK(record(5000) == Approx(2.0));         // 1 + 1/2 + 1/4 + ... (5000 terms) + (1/2)^5000
    CHECK(again.capacity() == first_capacity);  // nothing reallocated
}

TEST_CASE("tape: a scope may reserve room up front") {
    tape::scope recording(1000);
    CHECK(recording.capacity() >= 1000);
    CHECK(recording.size() == 0);
}

TEST_CASE("tape: recordings on different threads are independent") {
    constexpr int threads = 4;
    std::array<std::array<double, 2>, threads> gradients{};
    std::array<double, threads> values{};
    std::vector<std::thread> workers;
    for (int t = 0; t < threads; ++t)
        workers.emplace_back([t, &gradients, &values] {
            // each thread records many scopes, interleaved in time with the others
            for (int round = 0; round < 200; ++round) {
                tape::scope recording;
                tape::var a = 1.0 + t, b = 0.5 * t;
                auto y = sin(a * b) + exp(b) * a;
                for (int k = 0; k < 50; ++k) y = y + 0.0 * a;  // lengthen the recording
                gradients[t] = tape::gradient(y, a, b);
                values[t] = y.value();
            }
        });
    for (auto& w : workers) w.join();
    for (int t = 0; t < threads; ++t) {
        double a = 1.0 + t, b = 0.5 * t;
        CHECK(values[t] == Approx(std::sin(a * b) + std::exp(b) * a));
        CHECK(gradients[t][0] == Approx(b * std::cos(a * b) + std::exp(b)));
        CHECK(gradients[t][1] == Approx(a * std::cos(a * b) + std::exp(b) * a));
    }
}

TEST_CASE("tape: a var taken to another thread is refused there") {
    tape::scope recording;
    tape::var x = 1.0;
    bool refused = false;
    std::thread other([&] {
        tape::scope theirs;
        try {
            (void)(x * 2.0);
        } catch (tape::error const&) {
            refused = true;
        }
    });
    other.join();
    CHECK(refused);
    CHECK((x * 2.0).value() == 2.0);  // still fine on its own thread
}
