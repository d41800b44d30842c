// A deep expression: a nested chain of depth 64 is differentiated and evaluated correctly,
// against the chain rule computed forward on doubles. (Compile time: see the closing note
// of issue 7 and bench/compile_time.py.)
#include <doctest/doctest.h>

#include <cmath>
#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
constexpr var<"x"> x;

// sin(sin(...sin(x + 1) + 1/2 ...) + 1/n)
template <int N> constexpr auto chain() {
    if constexpr (N == 0) return x;
    else return sin(chain<N - 1>() + 1_c / c<N>);
}
}  // namespace

TEST_CASE("a chain of depth 64: derivative by the chain rule, 64 factors") {
    auto f = chain<64>();
    for (double at : {-0.4, 0.3, 1.1}) {
        double value = at, slope = 1.0;  // the same chain, forward, on doubles
        for (int n = 1; n <= 64; ++n) {
            double inner = value + 1.0 / n;
            value = std::sin(inner);
            slope *= std::cos(inner);
        }
        CHECK(f(x = at) == doctest::Approx(value).epsilon(1e-14));
        CHECK(d(f, x)(x = at) == doctest::Approx(slope).epsilon(1e-12));
        CHECK(gradient(f, x)(x = at)[0] == doctest::Approx(slope).epsilon(1e-12));
    }
}
