// Random branches: select, clamp and the logical operators around random subexpressions from
// random_expressions.hpp, checked like them (check_one: d, the compile-time gradient and the
// tape against each other to 1e-12 and against finite differences away from the switches, at
// random points; check_extremes: at 0, 1e-300, 1e8, 1e300, where untaken arms overflow or are
// NaN). A switching point is hit only by chance; tests/select.cpp tests them on purpose.
#include "random_expressions.hpp"

namespace random_branches {
using random_expressions::expression;
using random_expressions::mix;
using namespace leibniz::literals;

inline constexpr std::uint64_t kinds = 6;

/// A branch over random subexpressions a, b (depth 2) and c (depth 1). Each condition has a
/// term in y, 0.001 y, that no subexpression cancels, so that it stays a condition whatever
/// a, b and c fold to.
template <std::uint64_t State> struct branch {
    static constexpr std::uint64_t kind = mix(State) % kinds;
    using A = expression<mix(State ^ 0x1), 2>;
    using B = expression<mix(State ^ 0x2), 2>;
    using C = expression<mix(State ^ 0x3), 1>;

    template <class X, class Y, class Z> static auto build(X const& x, Y const& y, Z const& z) {
        using leibniz::select, leibniz::clamp, leibniz::square;
        using std::sin, std::exp, std::tanh, std::sqrt, std::log;
        auto const a = A::build(x, y, z);
        auto const b = B::build(x, y, z);
        auto const c = C::build(x, y, z);
        auto const shifted = a + 0.001 * y;
        if constexpr (kind == 0) return select(shifted > b, a, b);  // max, continuous at the switch
        else if constexpr (kind == 1) return clamp(shifted, -0.5, 0.5) * b;
        else if constexpr (kind == 2) return select(shifted > 0.25 && c + 0.001 * y < 0.5, a * b, b - c);
        else if constexpr (kind == 3) return select(!(shifted < b) || c + 0.001 * y > 0_c, sin(a), c * b);
        // an untaken arm that is NaN or infinite: log of a negative number, a large exponential
        else if constexpr (kind == 4) return select(shifted <= 0_c, b, log(shifted) * c);
        else return select(shifted < 2_c, a * c, exp(exp(shifted)) * b);
    }
};

template <std::uint64_t Seed, std::size_t I> using nth = branch<mix(mix(Seed) + I)>;

template <std::uint64_t Seed, std::size_t Count> void check_batch() {
    std::mt19937_64 random(Seed);
    random_expressions::tally t;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (random_expressions::check_one<nth<Seed, I>, I>(random, t), ...);
        (random_expressions::check_extremes<nth<Seed, I>, I>(random, t), ...);
    }
    (std::make_index_sequence<Count>{});
    CHECK(t.checks == 12 * Count);
    CHECK(t.finite_difference_misses * 100 <= t.checks);
    MESSAGE("branches: finite differences across a switch or kink: ", t.finite_difference_misses, " of ", t.checks,
            "; extreme points: ", t.extreme_checks, " checked; NaN for a zero adjoint times infinity: d ",
            t.symbolic_zero_times_infinity, ", gradient ", t.sweep_zero_times_infinity,
            "; overflow of a merged power at 1e300: ", t.merged_power_overflows);
    CHECK(t.extreme_checks >= Count);
}
}  // namespace random_branches

TEST_CASE("random branches: select, clamp, && || ! agree in every engine at random and extreme points") {
    random_branches::check_batch<random_expressions::base_seed + 100, 24>();
}
