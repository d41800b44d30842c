#pragma once
// Random expressions over three variables, chosen at compile time: a splitmix64 sequence picks
// each node's operator or function, and every choice keeps the value finite and every
// derivative defined for arguments in [-1.5, 1.5] (log of 1 + square, sqrt of 1 + square,
// asin of a tanh scaled inside (-1, 1), denominators bounded away from 0, some of them powers
// of subexpressions used elsewhere too; sums of terms that differ only in where a power
// applies, (a + b)^2 beside a + b^2). The same template
// builds the expression from leibniz::vars (a symbolic expression type), from tape::vars (a
// recording) and from doubles (for finite differences), and check_derivatives compares them.
//
// Seed and count are template parameters of check_batch; the test files read them from
// LEIBNIZ_RANDOM_SEED and LEIBNIZ_RANDOM_COUNT when CMake passes them
// (cmake --preset gcc -DCMAKE_CXX_FLAGS="-DLEIBNIZ_RANDOM_SEED=7 -DLEIBNIZ_RANDOM_COUNT=200").
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <experimental/simd>
#include <random>
#include <set>
#include <string>
#include <tuple>
#include <type_traits>
#include <typeinfo>
#include <utility>

#include <doctest/doctest.h>

#include <leibniz/check.hpp>
#include <leibniz/leibniz.hpp>
#include <leibniz/sum_over.hpp>

#include "unplanned_sweep.hpp"

namespace random_expressions {

using namespace leibniz::literals;

#ifdef LEIBNIZ_RANDOM_SEED
inline constexpr std::uint64_t base_seed = LEIBNIZ_RANDOM_SEED;
#else
inline constexpr std::uint64_t base_seed = 0x1eb2'11c0'0003;
#endif
#ifdef LEIBNIZ_RANDOM_COUNT
inline constexpr std::size_t count_per_file = LEIBNIZ_RANDOM_COUNT;
#else
inline constexpr std::size_t count_per_file = 40;  // eight files: 320 expressions, >= 300 distinct types
#endif
#ifdef LEIBNIZ_RANDOM_DEPTH
inline constexpr int depth = LEIBNIZ_RANDOM_DEPTH;
#else
inline constexpr int depth = 3;
#endif

/// splitmix64's finalizer: a good 64-bit mix, usable in a template argument.
constexpr std::uint64_t mix(std::uint64_t z) {
    z += 0x9e3779b97f4a7c15u;
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

inline constexpr std::uint64_t kinds = 37;

/// A random expression of (x, y, z), at most Depth nodes deep, chosen by State.
template <std::uint64_t State, int Depth> struct expression {
    static constexpr std::uint64_t kind = mix(State) % kinds;
    using A = expression<mix(State ^ 0xa), Depth - 1>;
    // the second operand is one level shallower: trees stay small enough for the compile-time budget
    using B = expression<mix(State ^ 0xb), Depth - 2>;

    template <class X, class Y, class Z> static auto build(X const& x, Y const& y, Z const& z) {
        using leibniz::sigmoid, leibniz::softplus, leibniz::relu, leibniz::square, leibniz::min, leibniz::max;
        using std::sin, std::cos, std::tanh, std::atan, std::exp, std::log, std::sqrt, std::erf, std::expm1, std::asin,
            std::acos, std::sinh, std::cosh, std::tan, std::cbrt, std::abs, std::atan2, std::hypot, std::pow;
        auto a = A::build(x, y, z);
        if constexpr (kind == 0) return a + B::build(x, y, z);
        else if constexpr (kind == 1) return a - B::build(x, y, z);
        else if constexpr (kind == 2) return a * B::build(x, y, z);
        else if constexpr (kind == 3) return a / (1 + square(B::build(x, y, z)));
        else if constexpr (kind == 4) return atan2(a, 2 + sin(B::build(x, y, z)));
        else if constexpr (kind == 5) return hypot(a, 1 + square(B::build(x, y, z)));
        else if constexpr (kind == 6) return min(a, B::build(x, y, z));
        else if constexpr (kind == 7) return max(a, B::build(x, y, z));
        else if constexpr (kind == 8) return pow(1.5 + sin(a), tanh(B::build(x, y, z)));
        else if constexpr (kind == 9) return a * sigmoid(B::build(x, y, z));
        else if constexpr (kind == 10) return sin(a);
        else if constexpr (kind == 11) return cos(a);
        else if constexpr (kind == 12) return tanh(a);
        else if constexpr (kind == 13) return atan(a);
        else if constexpr (kind == 14) return exp(tanh(a));
        else if constexpr (kind == 15) return log(1 + square(a));
        else if constexpr (kind == 16) return sqrt(1 + square(a));
        else if constexpr (kind == 17) return sigmoid(a);
        else if constexpr (kind == 18) return softplus(a);
        else if constexpr (kind == 19) return erf(a);
        else if constexpr (kind == 20) return expm1(sin(a));
        else if constexpr (kind == 21) return asin(0.5 * tanh(a));
        else if constexpr (kind == 22) return acos(tanh(a) * leibniz::c<2, 3>);
        else if constexpr (kind == 23) return sinh(atan(a)) + cosh(atan(a));
        else if constexpr (kind == 24) return tan(atan(a) * 0.5_c);
        else if constexpr (kind == 25) return cbrt(1 + square(a));
        else if constexpr (kind == 26) return abs(a);
        else if constexpr (kind == 27) return relu(a);
        else if constexpr (kind == 28) return square(a);
        else if constexpr (kind == 29) return pow(a, 3_c);
        else if constexpr (kind == 30) return pow(1 + square(a), leibniz::c<-1, 3>);
        else if constexpr (kind == 31) return a * sin(a);  // fan-out: one subexpression used twice
        else if constexpr (kind == 32) return pow(2.0, sin(a));
        // a power of a subexpression that is also a denominator: the product divides by the
        // power's own node (the graph must compute it first)
        else if constexpr (kind == 33) return square(2 + sin(a)) - B::build(x, y, z) / square(2 + sin(a));
        else if constexpr (kind == 34) return sqrt(1 + square(a)) * B::build(x, y, z) - 1 / sqrt(1 + square(a));
        // like terms that differ only in where a power applies, (a + b)^2 and a + b^2, (p^q)^2 and
        // p^(q^2): their keys (detail/order.hpp) once met, and the sum doubled one of them
        else if constexpr (kind == 35) {
            auto b = B::build(x, y, z);
            return z * square(a + b) + z * (a + square(b));
        } else {
            auto p = 1.5 + sin(a);
            auto q = tanh(B::build(x, y, z));
            return square(pow(p, q)) + pow(p, square(q));
        }
    }
};

/// The leaves: x, y, z, or a plain number times z.
template <std::uint64_t State> struct expression<State, 0> {
    template <class X, class Y, class Z> static auto build(X const& x, Y const& y, Z const& z) {
        constexpr auto leaf = mix(State) % 4;
        if constexpr (leaf == 0) return x;
        else if constexpr (leaf == 1) return y;
        else if constexpr (leaf == 2) return z;
        else return 1.5 * z;
    }
};
template <std::uint64_t State> struct expression<State, -1> : expression<State, 0> {};

inline constexpr leibniz::var<"x"> x;
inline constexpr leibniz::var<"y"> y;
inline constexpr leibniz::var<"z"> z;

// Seed is mixed before I is added, so that files with consecutive seeds draw disjoint sequences.
template <std::uint64_t Seed, std::size_t I> using nth = expression<mix(mix(Seed) + I), depth>;
template <class E> using symbolic_type = decltype(E::build(x, y, z));

/// The distinct expression types of every file, registered before main.
inline std::set<std::string>& registry() {
    static std::set<std::string> names;
    return names;
}
inline std::size_t& requested() {
    static std::size_t n = 0;
    return n;
}
template <std::uint64_t Seed, std::size_t... I> bool register_batch(std::index_sequence<I...>) {
    (registry().insert(typeid(symbolic_type<nth<Seed, I>>).name()), ...);
    requested() += sizeof...(I);
    return true;
}

struct tally {
    std::size_t checks = 0;
    std::size_t finite_difference_misses = 0;  // a point within a step of a kink of abs, relu, min or max
    std::size_t extreme_checks = 0;
    std::size_t symbolic_zero_times_infinity = 0;  // d's NaN where the tape's zero adjoint gives a number
    std::size_t sweep_zero_times_infinity = 0;     // the same in the sweep, where a value overflowed
    std::size_t merged_power_overflows = 0;  // (y z / w)^2 = y^2 z^2 / w^2 at 1e300: NaN, written: a number (or inf)
    // the other way round: where the value overflowed, the tape's NaN (inf - inf or 0 * inf in the
    // written expression) where leibniz gives a number, having cancelled the term or met the zero
    // first (z (y - 1.5 z)^2 + x P at x = -0, z = -1e300: the tape's adjoint of P is -0 * -inf)
    std::size_t tape_nan_after_overflow = 0;
};

/// Expression I of the batch: its symbolic derivative by one variable (x, y, z in turn, to keep
/// compile time in budget: each symbolic derivative costs ~0.1 s of GCC), evaluated at four
/// random points, against the tape's; the compile-time gradient against the tape's and against
/// the same graph swept without the planner (unplanned_sweep.hpp); the tape's whole gradient
/// against finite differences.
/// sum_over(records, value_and_gradient(f, x, y, z), ..., v = each_record) with the (I / 4 % 3)-th
/// variable v per record and the others fixed, against the per-record gradients added up.
template <std::size_t I, class F>
void check_hoisted(F const& expression, std::array<double, 3> const& p, std::mt19937_64& random) {
    std::uniform_real_distribution<double> coordinate(-1.5, 1.5);
    std::array<double, 3> const records{coordinate(random), coordinate(random), coordinate(random)};
    auto const per_record = leibniz::value_and_gradient(expression, x, y, z);
    constexpr std::size_t data = I / 4 % 3;
    auto const at = [&](double r) {
        std::array<double, 3> q = p;
        q[data] = r;
        return per_record(x = q[0], y = q[1], z = q[2]);
    };
    auto const summed = [&] {
        if constexpr (data == 0)
            return leibniz::sum_over(records, per_record, x = leibniz::each_record, y = p[1], z = p[2]);
        else if constexpr (data == 1)
            return leibniz::sum_over(records, per_record, x = p[0], y = leibniz::each_record, z = p[2]);
        else return leibniz::sum_over(records, per_record, x = p[0], y = p[1], z = leibniz::each_record);
    }();
    auto const by_record = leibniz::sum_over(records, at);
    INFO("summed over three records of ", "xyz"[data], ": ", records[0], ", ", records[1], ", ", records[2]);
    CHECK(leibniz::detail::difference(summed.value, by_record.value) <= 1e-12);
    for (std::size_t i = 0; i < 3; ++i)
        CHECK(leibniz::detail::difference(summed.gradient[i], by_record.gradient[i]) <= 1e-12);
}

template <class E, std::size_t I> void check_one(std::mt19937_64& random, tally& t) {
    auto f = [](auto const& a, auto const& b, auto const& c) { return E::build(a, b, c); };
    constexpr std::size_t by = I % 3;
    auto expression = f(x, y, z);
    // An expression can fold to a plain number (sin(x - x) + 1.5 is 1.5): its derivative is 0.
    auto derivative = [&] {
        if constexpr (leibniz::Expression<decltype(expression)>)
            return d(expression, std::get<by>(std::tuple{x, y, z}));
        else return 0.0;
    }();
    auto evaluate = [&](auto const& e, std::array<double, 3> const& p) {
        if constexpr (leibniz::Expression<std::remove_cvref_t<decltype(e)>>)
            return static_cast<double>(e(x = p[0], y = p[1], z = p[2]));
        else return static_cast<double>(e);
    };
    INFO("expression ", I, " d/d", "xyz"[by], ": ", typeid(expression).name());
    std::uniform_real_distribution<double> coordinate(-1.5, 1.5);
    for (int point = 0; point < 4; ++point) {
        std::array<double, 3> p{coordinate(random), coordinate(random), coordinate(random)};
        INFO("at x = ", p[0], ", y = ", p[1], ", z = ", p[2]);
        double symbolic_value = evaluate(expression, p);
        double symbolic = evaluate(derivative, p);
        leibniz::tape::scope recording;
        leibniz::tape::var a = p[0], b = p[1], c = p[2];
        leibniz::tape::var out = f(a, b, c);
        auto gradient = leibniz::tape::gradient(out, a, b, c);
        CHECK(std::isfinite(symbolic));
        CHECK(std::isfinite(out.value()));
        CHECK(leibniz::detail::difference(symbolic_value, out.value()) <= 1e-12);
        CHECK(leibniz::detail::difference(f(p[0], p[1], p[2]), out.value()) <= 1e-12);
        CHECK(leibniz::detail::difference(symbolic, gradient[by]) <= 1e-12);
        if constexpr (leibniz::Expression<decltype(expression)>) {
            // the compile-time reverse sweep, on a graph whose every node reads only earlier slots
            using tree = typename leibniz::detail::tree_of<decltype(expression)>::type;
            static_assert(leibniz::detail::reads_precede_writes<leibniz::detail::graph_nodes<tree>>::value);
            auto const swept = leibniz::gradient(expression, x, y, z)(x = p[0], y = p[1], z = p[2]);
            for (std::size_t i = 0; i < 3; ++i) CHECK(leibniz::detail::difference(swept[i], gradient[i]) <= 1e-12);
            // and the planned sweep against the same graph swept without the planner
            using nodes = leibniz::detail::graph_nodes<tree>;
            auto const values = leibniz::detail::forward_values<nodes, double>(leibniz::detail::numbers_of(expression),
                                                                               x = p[0], y = p[1], z = p[2]);
            auto const adjoint = unplanned::adjoints<nodes>(values, typename nodes::list{});
            std::size_t const slots[] = {
                leibniz::detail::slot_if_present<std::remove_cvref_t<decltype(x)>, nodes>::value,
                leibniz::detail::slot_if_present<std::remove_cvref_t<decltype(y)>, nodes>::value,
                leibniz::detail::slot_if_present<std::remove_cvref_t<decltype(z)>, nodes>::value};
            for (std::size_t i = 0; i < 3; ++i) {
                double const unplanned_value = slots[i] < nodes::size ? adjoint[slots[i]] : 0.0;
                CHECK(leibniz::detail::difference(swept[i], unplanned_value) <= 1e-12);
            }
            // a Jacobian's rows swept together (detail/adjoint_lanes.hpp): f and f x, whose graphs
            // share nodes (f's root among them, unless x merges into f's powers), against the tape;
            // one expression in five, for compile time (each adds a Jacobian of two rows)
            if constexpr (I % 5 == 0) {
                auto const rows = leibniz::jacobian(leibniz::outputs(expression, expression * x), x, y, z)(
                    x = p[0], y = p[1], z = p[2]);
                auto const times_x = leibniz::tape::gradient(out * a, a, b, c);
                for (std::size_t i = 0; i < 3; ++i) {
                    CHECK(leibniz::detail::difference(rows[0][i], gradient[i]) <= 1e-12);
                    CHECK(leibniz::detail::difference(rows[1][i], times_x[i]) <= 1e-12);
                }
            }
        }
        // one expression in four, in every file (it adds 6% to a file's compile time: GCC 12 -O1,
        // 84.6 -> 89.7 s, 1,518 -> 1,594 MiB): summed over three records of one variable, with
        // what depends on the other two computed once (sum_over.hpp's each_record,
        // detail/hoist.hpp), against the same sum record by record
        if constexpr (leibniz::Expression<decltype(expression)> && I % 4 == 1) check_hoisted<I>(expression, p, random);
        for (std::size_t i = 0; i < 3; ++i) {
            ++t.checks;
            double approximate = leibniz::detail::central_difference(f, p, i);
            if (leibniz::detail::difference(approximate, gradient[i]) > 1e-6) ++t.finite_difference_misses;
        }
    }
}

/// The same expression at points far outside [-1.5, 1.5] and near its kinks: every coordinate
/// one of 0, +-1e-300, +-1e-8, +-1e8, +-1e300. The engines must agree on what kind of number
/// they give (the same NaN, the same infinity, or both finite) and, where no coordinate is
/// 1e300, on the number itself to 1e-6 relative (an argument of sin near 1e8 multiplies
/// rounding by 1e8; near 1e300 any reordering changes sin's value, so there only the kind is
/// compared). Three differences are documented in README's numerical policy and counted, not
/// failed: d's NaN where a zero adjoint meets an infinite local derivative; the sweep's NaN
/// where that happens at an overflowed value; and, at 1e300, an infinity or NaN of the canonical
/// form where the written expression is a number, because merged and distributed powers overflow
/// where the written order does not ((y z / w)^2 = y^2 z^2 / w^2 is inf / inf where y z / w is
/// not; x sin z * x = x^2 sin z is inf * 1e-300 where (x sin z) x is not).
template <class E, std::size_t I> void check_extremes(std::mt19937_64& random, tally& t) {
    auto f = [](auto const& a, auto const& b, auto const& c) { return E::build(a, b, c); };
    auto expression = f(x, y, z);
    if constexpr (leibniz::Expression<decltype(expression)>) {
        constexpr double magnitudes[] = {0.0, 1e-300, 1e-8, 1e8, 1e300};
        constexpr std::size_t by = I % 3;
        auto const derivative = d(expression, std::get<by>(std::tuple{x, y, z}));
        std::uniform_int_distribution<int> pick(0, 9);
        auto coordinate = [&] {
            int const k = pick(random);
            return (k % 2 ? -1.0 : 1.0) * magnitudes[k / 2];
        };
        auto agree = [](double a, double b, bool huge) {
            if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
            if (std::isinf(a) || std::isinf(b)) return a == b;
            return huge || leibniz::detail::difference(a, b) <= 1e-6;
        };
        INFO("expression ", I, " at extreme points: ", typeid(expression).name());
        for (int point = 0; point < 3; ++point) {
            std::array<double, 3> p{coordinate(), coordinate(), coordinate()};
            INFO("at x = ", p[0], ", y = ", p[1], ", z = ", p[2]);
            bool const huge = std::fabs(p[0]) >= 1e300 || std::fabs(p[1]) >= 1e300 || std::fabs(p[2]) >= 1e300;
            leibniz::tape::scope recording;
            leibniz::tape::var a = p[0], b = p[1], c = p[2];
            leibniz::tape::var out = f(a, b, c);
            auto const taped = leibniz::tape::gradient(out, a, b, c);
            double const value = static_cast<double>(expression(x = p[0], y = p[1], z = p[2]));
            // a merged or distributed power overflows where the written order gives a number, or
            // meets 0 * inf where the written order overflowed first: (x u)^2 = x^2 u^2 at
            // x = 1e-300, u = -1e300 is NaN, written inf
            bool const distributed_underflow = std::isnan(value) && std::isinf(out.value());
            if (huge && ((!std::isfinite(value) && std::isfinite(out.value())) || distributed_underflow)) {
                ++t.merged_power_overflows;
                continue;  // its derivatives are NaN too
            }
            CHECK(agree(value, out.value(), huge));
            auto const swept = leibniz::gradient(expression, x, y, z)(x = p[0], y = p[1], z = p[2]);
            for (std::size_t i = 0; i < 3; ++i) {
                CAPTURE(i);
                if (huge && std::isnan(swept[i]) && !std::isnan(taped[i])) ++t.sweep_zero_times_infinity;
                else if (huge && !std::isfinite(value) && std::isnan(taped[i]) && !std::isnan(swept[i]))
                    ++t.tape_nan_after_overflow;
                else CHECK(agree(swept[i], taped[i], huge));
            }
            double const symbolic = static_cast<double>(derivative(x = p[0], y = p[1], z = p[2]));
            bool const has_zero = p[0] == 0 || p[1] == 0 || p[2] == 0;
            if ((huge || has_zero) && std::isnan(symbolic) && !std::isnan(taped[by])) ++t.symbolic_zero_times_infinity;
            else if (huge && !std::isfinite(symbolic) && std::isfinite(taped[by])) ++t.merged_power_overflows;
            else if (huge && !std::isfinite(value) && std::isnan(taped[by]) && !std::isnan(symbolic))
                ++t.tape_nan_after_overflow;
            else CHECK(agree(symbolic, taped[by], huge));
            ++t.extreme_checks;
        }
    }
}

/// The same expression in four lanes (std::experimental::fixed_size_simd<double, 4>): two random
/// points and two extreme ones, one per lane, so that the lanes of one sweep take different sides
/// of the branches; each lane's value and gradient must be the double engine's at its point (the
/// same NaN, the same infinity, or the same number to 1e-9 relative, libstdc++'s simd sin and
/// cos differing from libm's in the last bits; near 1e300 only the kind).
template <class E, std::size_t I> void check_lanes(std::mt19937_64& random) {
    using lanes = std::experimental::fixed_size_simd<double, 4>;
    auto expression = E::build(x, y, z);
    if constexpr (leibniz::Expression<decltype(expression)>) {
        constexpr double magnitudes[] = {0.0, 1e-300, 1e-8, 1e8, 1e300};
        std::uniform_real_distribution<double> coordinate(-1.5, 1.5);
        std::uniform_int_distribution<int> pick(0, 9);
        std::array<std::array<double, 3>, 4> p{};
        for (std::size_t k = 0; k < 4; ++k)
            for (std::size_t i = 0; i < 3; ++i) {
                int const m = pick(random);
                p[k][i] = k < 2 ? coordinate(random) : (m % 2 ? -1.0 : 1.0) * magnitudes[m / 2];
            }
        auto lane = [&](std::size_t i) { return lanes([&](auto k) { return p[static_cast<std::size_t>(k)][i]; }); };
        lanes const value = expression(x = lane(0), y = lane(1), z = lane(2));
        auto const swept = leibniz::gradient(expression, x, y, z)(x = lane(0), y = lane(1), z = lane(2));
        INFO("expression ", I, " in lanes: ", typeid(expression).name());
        for (std::size_t k = 0; k < 4; ++k) {
            INFO("lane ", k, " at x = ", p[k][0], ", y = ", p[k][1], ", z = ", p[k][2]);
            bool const huge = std::fabs(p[k][0]) >= 1e300 || std::fabs(p[k][1]) >= 1e300 || std::fabs(p[k][2]) >= 1e300;
            auto same = [huge](double a, double b) {
                if (std::isnan(a) || std::isnan(b)) return std::isnan(a) && std::isnan(b);
                if (std::isinf(a) || std::isinf(b)) return a == b;
                return huge || leibniz::detail::difference(a, b) <= 1e-9;
            };
            CHECK(same(value[k], static_cast<double>(expression(x = p[k][0], y = p[k][1], z = p[k][2]))));
            auto const expected = leibniz::gradient(expression, x, y, z)(x = p[k][0], y = p[k][1], z = p[k][2]);
            for (std::size_t i = 0; i < 3; ++i) CHECK(same(swept[i][k], expected[i]));
        }
    }
}

/// Count expressions from Seed, each at four random points: symbolic vs tape to 1e-12;
/// tape vs finite differences to 1e-6 but at the rare point that straddles a kink.
/// InLanes: also in lanes (check_lanes; two of the eight files, for compile time).
template <std::uint64_t Seed, std::size_t Count, bool InLanes = false> void check_batch() {
    std::mt19937_64 random(Seed);
    tally t;
    [&]<std::size_t... I>(std::index_sequence<I...>) {
        (check_one<nth<Seed, I>, I>(random, t), ...);
        (check_extremes<nth<Seed, I>, I>(random, t), ...);
        if constexpr (InLanes) (check_lanes<nth<Seed, I>, I>(random), ...);
    }
    (std::make_index_sequence<Count>{});
    CHECK(t.checks == 12 * Count);
    CHECK(t.finite_difference_misses * 100 <= t.checks);
    MESSAGE("extreme points: ", t.extreme_checks, " checked; NaN for a zero adjoint times infinity: d ",
            t.symbolic_zero_times_infinity, ", gradient ", t.sweep_zero_times_infinity,
            "; overflow of a merged power at 1e300: ", t.merged_power_overflows,
            "; the tape's NaN after an overflow: ", t.tape_nan_after_overflow, " (README's numerical policy)");
    CHECK(t.extreme_checks >= Count);  // most expressions are expressions, not numbers
}

}  // namespace random_expressions
