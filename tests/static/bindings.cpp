// What a call's bindings may hold, which repeats are refused, and the exact rationals folded with
// an overflow flag (tests/compile_fail/ check the refusals' wording): building this file is the test.
#include <leibniz/leibniz.hpp>

#include <array>
#include <complex>
#include <cstdint>
#include <string_view>
#include <type_traits>

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"w"> w_alone;  // not a member of the family w: var<"w"> is var<"w", -1>
constexpr var_array<"w", 3> w;
constexpr var_array<"v", 2> v;

template <class... Bindings> constexpr auto repeated(Bindings const&...) {
    return detail::repeated_binding<Bindings...>();
}
constexpr std::array<double, 3> three{1.0, 2.0, 3.0};
constexpr std::array<double, 2> two{1.0, 2.0};

// ---- distinct bindings: {n, n} -----------------------------------------------------------
static_assert(repeated() == std::array<std::size_t, 2>{0, 0});
static_assert(repeated(x = 1.0) == std::array<std::size_t, 2>{1, 1});
static_assert(repeated(x = 1.0, y = 2.0) == std::array<std::size_t, 2>{2, 2});
static_assert(repeated(w = three, w_alone = 1.0, v = two, x = 1) == std::array<std::size_t, 2>{4, 4});
static_assert(repeated(w[1_c] = 1.0, w[2_c] = 2.0) == std::array<std::size_t, 2>{2, 2});

// ---- a variable bound twice: the first such pair -----------------------------------------
static_assert(repeated(x = 1.0, x = 2.0) == std::array<std::size_t, 2>{0, 1});
static_assert(repeated(y = 1.0, x = 1.0, y = 2.0) == std::array<std::size_t, 2>{0, 2});
static_assert(repeated(x = 1.0, w = three, w[0_c] = 10.0) == std::array<std::size_t, 2>{1, 2});
static_assert(repeated(w[2_c] = 10.0, w = three) == std::array<std::size_t, 2>{0, 1});
static_assert(repeated(w = three, w = three) == std::array<std::size_t, 2>{0, 1});

// ---- the bindings that are accepted: numbers of every kind, families from arrays --------------
static_assert((x * y)(x = 2, y = 0.5f) == 1.0);
static_assert(std::is_same_v<decltype((x * y)(x = 2.0L, y = 1.0)), long double>);
static_assert(std::is_same_v<decltype((x * x)(x = std::complex<double>(0.0, 1.0))), std::complex<double>>);
static_assert((w[0_c] * w[2_c] + w_alone)(w = three, w_alone = 0.5) == 3.5);

// ---- names print as written, an index as [i] (the refusals spell them so) ----------------------
static_assert(std::string_view(detail::printed_name<"x", -1>.data(), 1) == "x");
static_assert(std::string_view(detail::printed_name<"w", 12>.data(), 5) == "w[12]");
static_assert(detail::printed_size<"ab", 0> == 5);

// c<N, D> unchanged for nonzero denominators
static_assert(c<2, 4> == c<1, 2>);
static_assert(c<3, -6>.value == rational{-1, 2});
}  // namespace

// ---- exact rationals folded with an overflow flag (refused with a sentence when it is set) ----
namespace {
using namespace leibniz;
static_assert(1e18_c == c<1000000000000000000>);
static_assert(2.5e-3_c == c<1, 400>);
static_assert(1'000.5_c == c<2001, 2>);
static_assert(pow(2_c, 10_c) == 1024_c);
static_assert(pow(c<2, 3>, -3_c) == c<27, 8>);
static_assert(pow(-1_c, 1000001_c) == -1_c);
static_assert(!detail::integer_power_or_flag(rational{3, 1}, 39).overflowed);
static_assert(detail::integer_power_or_flag(rational{3, 1}, 40).overflowed);
static_assert(detail::quotient_or_flag(INTMAX_MIN, -1).overflowed);
static_assert(detail::quotient_or_flag(INTMAX_MIN, -2).value == rational{INTMAX_MIN / -2, 1});
}  // namespace
