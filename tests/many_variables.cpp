// An expression of 2,000 variables evaluates and differentiates. Before the graph was built with
// tries (detail/trie.hpp) and the evaluation type taken over the bindings (evaluate.hpp), an
// expression of 450 variables or more did not compile with GCC 12 (template depth 900,
// std::common_type over every variable) nor one of 512 with Clang 14.
#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;
constexpr var_array<"a", 2000> a;
constexpr var<"x"> x;
}  // namespace

TEST_CASE("2,000 variables: x * (a0 + ... + a1999), its value and gradient, and the tape agree") {
    auto const f = x * sum<2000>([](auto i) { return a[i]; });
    std::array<double, 2000> coefficients{};
    double total = 0;
    for (std::size_t i = 0; i < 2000; ++i) {
        coefficients[i] = 0.001 * static_cast<double>(i) - 0.5;
        total += coefficients[i];
    }
    double const at = 1.25;
    // one forward and one reverse sweep over the 2,002 nodes (each further entry point, f(...)
    // or d(f, a[i]), is another instantiation over the whole graph: minutes of GCC in CI)
    auto const [value, g] = value_and_gradient(f, a, x)(a = coefficients, x = at);
    CHECK(value == doctest::Approx(at * total).epsilon(1e-14));
    REQUIRE(g.size() == 2001);
    bool every_member_is_x = true;  // df/da_i = x, exactly
    for (std::size_t i = 0; i < 2000; ++i) every_member_is_x = every_member_is_x && g[i] == at;
    CHECK(every_member_is_x);
    CHECK(g[2000] == doctest::Approx(total).epsilon(1e-14));  // df/dx = the sum

    // the tape, the baseline: the same function recorded at run time
    tape::scope recording;
    std::array<tape::var, 2000> members{};
    for (std::size_t i = 0; i < 2000; ++i) members[i] = coefficients[i];
    tape::var const tx = at;
    tape::var s = members[0];
    for (std::size_t i = 1; i < 2000; ++i) s = s + members[i];
    tape::var const y = tx * s;
    auto const by_member = tape::gradient(y, members);
    CHECK(tape::gradient(y, tx)[0] == doctest::Approx(g[2000]).epsilon(1e-14));
    bool tape_agrees = true;
    for (std::size_t i = 0; i < 2000; ++i) tape_agrees = tape_agrees && by_member[i] == g[i];
    CHECK(tape_agrees);
}
