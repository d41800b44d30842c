#pragma once
// sum_over(data, f): the sum of f(record) over a runtime range of data records, for a loss that
// is a sum over data points: f returns a number, an array of numbers (a gradient), an array of
// arrays (a Jacobian, a Hessian) or a value and gradient, and the results are added member by
// member into one of the same type, with no allocation.
//
//     auto const per_point = value_and_gradient(kernel, theta);            // theta: parameters
//     auto const [loss, g] = sum_over(points, [&](point const& p) {       // x, y: data variables
//         return per_point(theta = thetas, x = p.x, y = p.y);
//     });
//
// The kernel's compile-time sweep runs once per record, at the speed of one gradient call; the
// tape is not involved (for code around the kernel that must be on the tape, see tape/kernel.hpp).
#include <array>
#include <cstddef>
#include <type_traits>

#include "gradient.hpp"

namespace leibniz {

namespace detail {
template <class T> struct summable : std::is_arithmetic<T> {};
template <class T, std::size_t N> struct summable<std::array<T, N>> : summable<T> {};
template <class T, std::size_t N> struct summable<value_and_gradient_result<T, N>> : summable<T> {};

template <class T> constexpr void add_into(T& total, T const& part) {
    if constexpr (std::is_arithmetic_v<T>) total += part;
    else if constexpr (requires { total.gradient; }) {
        total.value += part.value;
        add_into(total.gradient, part.gradient);
    } else
        for (std::size_t i = 0; i < total.size(); ++i) add_into(total[i], part[i]);
}
}  // namespace detail

/// The sum of f(record) over the records of a range (an array, a span, a vector), from a zero
/// of f's result type; f's results are numbers, arrays of them, or value_and_gradient results.
template <class Records, class F>
requires requires(Records const& r) {
    r.begin();
    r.end();
}
constexpr auto sum_over(Records const& records, F const& f) {
    using result = std::remove_cvref_t<decltype(f(*records.begin()))>;
    static_assert(detail::summable<result>::value,
                  "leibniz::sum_over(data, f): f returns what is summed, a number, a std::array of numbers or "
                  "of arrays (gradient, jacobian, hessian), or a value_and_gradient result");
    result total{};
    for (auto const& record : records) detail::add_into(total, f(record));
    return total;
}

}  // namespace leibniz
