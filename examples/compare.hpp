#pragma once
// What every example does with its numbers: print the computed value beside the expected one
// and remember whether they agree within the stated tolerance. main() returns
// comparison.exit_code(), non-zero as soon as one value was off, so each example is a test.
#include <cmath>
#include <cstdio>
#include <string_view>

namespace examples {

class comparison {
public:
    /// Prints "what   computed   expected   ok" and records a failure when
    /// |computed - expected| > tolerance (an absolute tolerance, stated by the caller).
    bool operator()(std::string_view what, double computed, double expected, double tolerance) {
        bool const ok = std::abs(computed - expected) <= tolerance;  // false for NaN
        std::printf("  %-34.*s %14.8g %14.8g   %s\n", static_cast<int>(what.size()), what.data(), computed, expected,
                    ok ? "ok" : "MISMATCH");
        if (!ok) {
            std::printf("    ^ differs by %.3g, more than the tolerance %.3g\n", std::abs(computed - expected),
                        tolerance);
            ++failures_;
        }
        return ok;
    }
    /// The same for a yes/no fact the example relies on.
    bool holds(std::string_view what, bool fact) {
        std::printf("  %-34.*s %31s   %s\n", static_cast<int>(what.size()), what.data(), fact ? "yes" : "no",
                    fact ? "ok" : "MISMATCH");
        failures_ += fact ? 0 : 1;
        return fact;
    }
    static void header() { std::printf("  %-34s %14s %14s\n", "", "computed", "expected"); }
    int exit_code() const {
        if (failures_ > 0) std::printf("\n%d value(s) differ from the expected ones\n", failures_);
        return failures_ == 0 ? 0 : 1;
    }

private:
    int failures_ = 0;
};

}  // namespace examples
