#pragma once
// The cross-check's harness: a generic function of up to three variables, checked by
// leibniz::check_derivatives at each point of a list (symbolic, compile-time gradient and tape
// agree to 1e-12, symbolic and tape with finite differences to 1e-6, values too).
#include <array>
#include <cstddef>
#include <initializer_list>
#include <span>
#include <string_view>

#include <doctest/doctest.h>

#include <leibniz/check.hpp>
#include <leibniz/leibniz.hpp>

namespace cross_check {

inline constexpr leibniz::var<"x"> x;
inline constexpr leibniz::var<"y"> y;
inline constexpr leibniz::var<"z"> z;

inline constexpr double exact_tolerance = 1e-12;
inline constexpr double finite_difference_tolerance = 1e-6;

/// f checked at every point (at least five); N is f's number of arguments, bound to x, y, z.
template <std::size_t N, class F>
void at_points(std::string_view name, F const& f, std::span<std::array<double, N> const> points) {
    static_assert(N >= 1 && N <= 3, "the corpus uses functions of x, y and z");
    INFO("function: ", name);
    CHECK(points.size() >= 5);
    for (auto const& p : points) {
        auto report = [&] {
            if constexpr (N == 1) return leibniz::check_derivatives(f, x = p[0]);
            else if constexpr (N == 2) return leibniz::check_derivatives(f, x = p[0], y = p[1]);
            else return leibniz::check_derivatives(f, x = p[0], y = p[1], z = p[2]);
        }();
        INFO(report);
        CHECK(report.finite);
        CHECK(report.value_difference <= exact_tolerance);
        CHECK(report.symbolic_vs_tape <= exact_tolerance);
        CHECK(report.gradient_vs_others <= exact_tolerance);
        CHECK(report.finite_difference_error <= finite_difference_tolerance);
        CHECK(report.agrees(exact_tolerance, finite_difference_tolerance));
    }
}
template <std::size_t N, class F>
void at_points(std::string_view name, F const& f, std::initializer_list<std::array<double, N>> points) {
    at_points<N>(name, f, std::span<std::array<double, N> const>(points.begin(), points.size()));
}

/// Points in two and three variables, inside every domain the corpus uses.
inline constexpr std::array<std::array<double, 2>, 6> plane{
    {{0.3, 0.7}, {-0.8, 0.4}, {1.1, -0.6}, {-0.5, -1.2}, {0.9, 1.3}, {0.05, -0.15}}};
inline constexpr std::array<std::array<double, 3>, 6> space{
    {{0.3, 0.7, -0.2}, {-0.8, 0.4, 0.9}, {1.1, -0.6, 0.5}, {-0.5, -1.2, -0.7}, {0.9, 1.3, 1.1}, {0.05, -0.15, 0.25}}};

}  // namespace cross_check
