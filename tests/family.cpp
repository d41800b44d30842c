// Families of variables: var_array, w[i], binding a whole family from an array or a span,
// sum<N>, and gradients by a family.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <type_traits>

#include <leibniz/leibniz.hpp>

#include "gradient_models.hpp"

namespace {
using namespace leibniz;
using namespace leibniz::literals;
using leibniz_test_models::agree;

constexpr var_array<"w", 5> w;
constexpr var_array<"v", 5> v;
constexpr var<"x"> x;

constexpr auto dot = sum<5>([](auto i) { return w[i] * v[i]; });
constexpr std::array<double, 5> ws{1.0, -2.0, 0.5, 3.0, 4.0};
constexpr std::array<double, 5> vs{2.0, 1.0, -4.0, 0.25, 0.5};
}  // namespace

TEST_CASE("family: members are variables; indices by _c and by std::integral_constant name the same one") {
    static_assert(std::is_same_v<decltype(w[3_c]), var<"w", 3>>);
    static_assert(std::is_same_v<decltype(w[std::integral_constant<std::size_t, 3>{}]), var<"w", 3>>);
    static_assert(std::is_same_v<decltype(w[std::integral_constant<int, 0>{}]), var<"w", 0>>);
    static_assert(w[1_c] != v[1_c] && w[1_c] != w[2_c] && w[0_c] != var<"w">{});
    CHECK(w.size() == 5);
    CHECK((w[2_c] * x)(w = ws, x = 3.0) == 1.5);
}

TEST_CASE("family: bound from std::array, std::span of static extent, together with single variables") {
    CHECK(dot(w = ws, v = vs) == 2.0 - 2.0 - 2.0 + 0.75 + 2.0);
    std::array<double, 5> storage = vs;
    std::span<double, 5> const view{storage};
    std::span<double const, 5> const read_only{vs};
    CHECK(dot(w = ws, v = view) == dot(w = ws, v = vs));
    CHECK(dot(w = ws, v = read_only) == dot(w = ws, v = vs));
    storage[0] = 10.0;  // a span is a view: the new value is read
    CHECK(dot(w = ws, v = view) == dot(w = ws, v = vs) + 8.0);
    // bindings in any order, a single binding of a member overrides nothing it does not name
    CHECK((dot + x)(x = 1.0, v = vs, w = ws) == dot(w = ws, v = vs) + 1.0);
    // float arrays evaluate in float
    std::array<float, 5> const wf{1.0f, 2.0f, 3.0f, 4.0f, 5.0f};
    static_assert(std::is_same_v<decltype(sum<5>([](auto i) { return w[i]; })(w = wf)), float>);
    CHECK(sum<5>([](auto i) { return w[i]; })(w = wf) == 15.0f);
}

TEST_CASE("sum<N>: one canonical sum; plain numbers in the terms keep their own values") {
    static_assert(sum<3>([](auto i) { return w[i]; }) == w[0_c] + w[1_c] + w[2_c]);
    static_assert(sum<2>([](auto i) { return w[i] * w[i]; }) == pow(w[0_c], 2_c) + pow(w[1_c], 2_c));
    static_assert(sum<3>([](auto) { return x; }) == 3_c * x);
    // terms holding runtime numbers: each coefficient stays its own
    std::array<double, 5> const scale{1.5, -2.0, 0.25, 8.0, 3.0};
    auto const weighted = sum<5>([&](auto i) { return scale[i] * w[i]; });
    double expected = 0;
    for (std::size_t i = 0; i < 5; ++i) expected += scale[i] * ws[i];
    CHECK(weighted(w = ws) == doctest::Approx(expected).epsilon(1e-15));
    // plain numbers give a plain number
    CHECK(sum<4>([](auto i) { return double(i) * 0.5; }) == 3.0);
}

TEST_CASE("gradient by a family: its entries in order, then the other variables") {
    auto const f = dot * x + sum<5>([](auto i) { return sin(w[i]); });
    auto const g = gradient(f, w, x)(w = ws, v = vs, x = 2.0);
    static_assert(std::tuple_size_v<std::remove_cvref_t<decltype(g)>> == 6);
    for (std::size_t i = 0; i < 5; ++i) {
        CAPTURE(i);
        CHECK(agree(g[i], vs[i] * 2.0 + std::cos(ws[i])));
    }
    CHECK(agree(g[5], dot(w = ws, v = vs)));
    // two families, one of them in the middle
    auto const both = gradient(f, v, x, w)(w = ws, v = vs, x = 2.0);
    for (std::size_t i = 0; i < 5; ++i) {
        CHECK(agree(both[i], ws[i] * 2.0));
        CHECK(both[6 + i] == g[i]);
    }
    CHECK(both[5] == g[5]);
    // the Hessian by a family: d2(dot * x)/dw_i dv_j = x [i == j]
    auto const h = hessian(dot * x, w, v)(w = ws, v = vs, x = 2.0);
    for (std::size_t i = 0; i < 5; ++i)
        for (std::size_t j = 0; j < 5; ++j) {
            CHECK(h[i][5 + j] == (i == j ? 2.0 : 0.0));
            CHECK(h[i][j] == 0.0);
        }
}
