// Families bound from what callers hold: leibniz::view<N>(ptr), std::span of dynamic extent and
// std::vector (sizes checked when bound), all read in place; and arithmetic on sum's index.
#include <doctest/doctest.h>

#include <array>
#include <cstddef>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include <leibniz/leibniz.hpp>

#include "invalid_argument.hpp"

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var_array<"w", 4> w;
constexpr var_array<"a", 7> a;
constexpr var<"x"> x;
constexpr auto f = w[0_c] * w[1_c] + x * w[2_c] - w[3_c] * w[3_c];

double expected(std::array<double, 4> const& a, double xv) { return a[0] * a[1] + xv * a[2] - a[3] * a[3]; }

using leibniz_test::invalid_argument_from;
}  // namespace

TEST_CASE("view<N>(ptr): a span of static extent over the caller's numbers, read in place") {
    double data[6] = {1.5, -2.0, 3.0, 0.5, 7.0, 8.0};
    double const* const parameters[] = {data, data + 2};
    static_assert(std::is_same_v<decltype(view<4>(parameters[0])), std::span<double const, 4>>);
    static_assert(std::is_same_v<decltype(view<4>(data)), std::span<double, 4>>);
    CHECK(f(w = view<4>(parameters[0]), x = 2.0) == expected({1.5, -2.0, 3.0, 0.5}, 2.0));
    CHECK(f(w = view<4>(parameters[1]), x = 2.0) == expected({3.0, 0.5, 7.0, 8.0}, 2.0));
    auto const bound = w = view<4>(data);
    data[3] = 10.0;  // not copied: the binding reads the new value
    CHECK(f(bound, x = 1.0) == expected({1.5, -2.0, 3.0, 10.0}, 1.0));
    // derivatives through the same binding
    auto const g = gradient(f, w, x)(w = view<4>(parameters[0]), x = 2.0);
    CHECK(g == std::array<double, 5>{-2.0, 1.5, 2.0, -20.0, 3.0});
    // at compile time too: the null check costs no constant evaluation
    static constexpr double fixed[4] = {1.0, 2.0, 3.0, 4.0};
    static_assert(f(w = view<4>(fixed), x = 0.5) == 1.0 * 2.0 + 0.5 * 3.0 - 16.0);
    double const* null = nullptr;
    CHECK(invalid_argument_from([&] { return view<4>(null); }).find("ptr is null") != std::string::npos);
}

TEST_CASE("std::span of dynamic extent and std::vector: bound when the size is N, a sentence when it is not") {
    std::vector<double> values{1.5, -2.0, 3.0, 0.5};
    std::array<double, 4> const as_array{1.5, -2.0, 3.0, 0.5};
    CHECK(f(w = values, x = 2.0) == expected(as_array, 2.0));
    CHECK(f(w = std::span<double const>(values), x = 2.0) == expected(as_array, 2.0));
    CHECK(f(w = std::span<double>(values), x = 2.0) == expected(as_array, 2.0));
    CHECK(f(w = std::vector<double>{1.5, -2.0, 3.0, 0.5}, x = 2.0) == expected(as_array, 2.0));  // a temporary, moved
    // read in place: a binding of an lvalue vector sees later writes
    auto const bound = w = values;
    values[0] = 4.0;
    CHECK(f(bound, x = 2.0) == expected({4.0, -2.0, 3.0, 0.5}, 2.0));
    // floats evaluate in float
    std::vector<float> const floats{1.0f, 2.0f, 3.0f, 4.0f};
    static_assert(std::is_same_v<decltype(f(w = floats, x = 1.0f)), float>);
    CHECK(f(w = floats, x = 1.0f) == 1.0f * 2.0f + 3.0f - 16.0f);
    CHECK(gradient(f, w)(w = values, x = 2.0) == gradient(f, w)(w = view<4>(values.data()), x = 2.0));

    std::vector<double> const short_one{1.0, 2.0, 3.0};
    std::string const from_vector = invalid_argument_from([&] { return f(w = short_one, x = 2.0); });
    CHECK(from_vector ==
          "leibniz: the family w (var_array<\"w\", 4>) is bound from a std::vector of 3 values, and "
          "it needs exactly 4: bind 4 values, one per member w[0] ... w[3]");
    std::vector<double> const long_one{1.0, 2.0, 3.0, 4.0, 5.0};
    std::string const from_span = invalid_argument_from([&] { return w = std::span<double const>(long_one); });
    CHECK(from_span.find("std::span of dynamic extent of 5 values") != std::string::npos);
    CHECK(from_span.find("needs exactly 4") != std::string::npos);
    CHECK(invalid_argument_from([&] { return w = std::vector<double>{}; }).find("of 0 values") != std::string::npos);
}

TEST_CASE("sum's index: i + 1_c, i - 1_c, i * 2_c and i + j stay compile-time indices") {
    static_assert(std::is_base_of_v<std::integral_constant<std::size_t, 2>, sum_index<2>>);
    static_assert(std::is_same_v<decltype(sum_index<2>{} + 1_c), sum_index<3>>);
    static_assert(std::is_same_v<decltype(3_c + sum_index<2>{}), sum_index<5>>);
    static_assert(std::is_same_v<decltype(sum_index<2>{} - 2_c), sum_index<0>>);
    static_assert(std::is_same_v<decltype(sum_index<3>{} * 2_c), sum_index<6>>);
    static_assert(std::is_same_v<decltype(sum_index<3>{} * sum_index<2>{} - sum_index<1>{}), sum_index<5>>);
    // a telescoping sum: (a1 - a0) + (a2 - a1) + ... + (a6 - a5) is a6 - a0
    static_assert(sum<6>([](auto i) { return a[i + 1_c] - a[i]; }) == a[6_c] - a[0_c]);
    static_assert(sum<4>([](auto i) { return a[i * 2_c]; }) == a[0_c] + a[2_c] + a[4_c] + a[6_c]);
    static_assert(sum<3>([](auto i) { return a[2_c * i + 1_c]; }) == a[1_c] + a[3_c] + a[5_c]);
    // i - 1_c where it stays in range
    auto const neighbours = sum<7>([](auto i) {
        if constexpr (i > 0) return a[i] * a[i - 1_c];
        else return 0_c;
    });
    static_assert(neighbours == a[0_c] * a[1_c] + a[1_c] * a[2_c] + a[2_c] * a[3_c] + a[3_c] * a[4_c] +
                                    a[4_c] * a[5_c] + a[5_c] * a[6_c]);
    // two indices: the 3 x 2 block a[2 j + k]
    static_assert(sum<3>([](auto j) { return sum<2>([&](auto k) { return a[j * 2_c + k]; }); }) ==
                  sum<6>([](auto i) { return a[i]; }));
    // i is still a plain number where one is wanted: i + 1 is a std::size_t
    static_assert(std::is_same_v<decltype(sum_index<2>{} + 1), std::size_t>);
    std::array<double, 7> const values{1, 2, 3, 4, 5, 6, 7};
    CHECK(sum<6>([&](auto i) { return values[i + 1] * a[i + 1_c]; })(a = values) == 4 + 9 + 16 + 25 + 36 + 49);
    CHECK(neighbours(a = values) == 2 + 6 + 12 + 20 + 30 + 42);
}
