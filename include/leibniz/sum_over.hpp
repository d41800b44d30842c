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
//
// When the kernel is given, with its bindings, the records bound by each_record:
//
//     auto const [loss, g] = sum_over(points, value_and_gradient(kernel, theta),
//                                     theta = thetas, x = each_record(&point::x), y = each_record(&point::y));
//
// what depends only on the parameters is computed once, not once per record (detail/hoist.hpp):
// the sum is the same, up to rounding (bench/gmm_data.cpp: 1.1-1.3x a hand-written loop over
// 1,000 points of a small mixture; README's "Loops over data").
#include <array>
#include <cstddef>
#include <functional>
#include <span>
#include <tuple>
#include <type_traits>

#include "detail/hoist.hpp"
#include "family.hpp"
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

namespace tape::detail {
// sum_over(data, f, bindings...) with tape::vars bound (tape/kernel.hpp, which tape.hpp includes).
template <class Tree, class Number, std::size_t N, class Records, class... Bindings>
var record_sum_over(std::array<Number, N> const& numbers, Records const& records, Bindings const&... bindings);
}  // namespace tape::detail

namespace detail {
// The variables a binding binds per record: a variable's or a family's (none for the others).
template <class Binding> struct record_variables { using type = type_list<>; };
template <class Target, class P> struct record_variables<per_record_binding<Target, P>> {
    using type = flattened_variables<Target>;
};

// A binding at one record: x = each_record(...) as x = the record's projection (a family bound
// from an array of the record by a span, not a copy); the other bindings as they are.
template <class Target, class P, class Record>
[[gnu::always_inline]] constexpr auto bind_record(per_record_binding<Target, P> const& binding, Record const& record) {
    decltype(auto) value = [&]() -> decltype(auto) {
        if constexpr (std::is_same_v<P, each_record_t>) return (record);
        else return std::invoke(binding.projection, record);
    }();
    using V = std::remove_cvref_t<decltype(value)>;
    if constexpr (requires {
                      std::tuple_size<V>::value;
                      typename V::value_type;
                  } &&
                  std::is_lvalue_reference_v<decltype(value)>)
        return Target{} = std::span<typename V::value_type const, std::tuple_size<V>::value>(value);
    else return Target{} = value;
}

template <class Binding, class Record>
[[gnu::always_inline]] constexpr decltype(auto) bound_at(Binding const& binding, Record const& record) {
    if constexpr (!is_per_record<Binding>) return (binding);
    else return bind_record(binding, record);
}
// The bindings that stay the same at every record, as a tuple of references.
template <class Binding> constexpr auto fixed_part(Binding const& binding) {
    if constexpr (is_per_record<Binding>) return std::tuple<>{};
    else return std::tuple<Binding const&>(binding);
}

template <class F> struct kernel_of;  // what sum_over(data, f, bindings...) sums, and f's parts
template <class Tree, std::size_t N, class Wrt, class Number>
struct kernel_of<value_and_gradient_function<Tree, N, Wrt, Number>> {
    using tree = Tree;
    using wrt = Wrt;
    static constexpr bool value = true, gradient = true;
};
template <class Tree, std::size_t N, class Wrt, class Number>
struct kernel_of<gradient_function<Tree, N, Wrt, Number>> {
    using tree = Tree;
    using wrt = Wrt;
    static constexpr bool value = false, gradient = true;
};
template <class F>
requires Expression<F>
struct kernel_of<F> {
    using tree = typename tree_of<F>::type;
    using wrt = type_list<>;
    static constexpr bool value = true, gradient = false;
};
template <class F> inline constexpr bool is_summable_kernel = requires { typename kernel_of<F>::tree; };

/// The sum over the records of Tree's value, and with Gradient its gradient by Wrt (a
/// value_and_gradient_result), at the bindings (x = each_record ones per record).
template <bool Gradient, class Tree, class Wrt, class Number, std::size_t N, class Records, class... Bindings>
constexpr auto summed_kernel(std::array<Number, N> const& numbers, Records const& records,
                             Bindings const&... bindings) {
    using data = concat_t<typename record_variables<Bindings>::type...>;
    using plan = hoist_plan<graph_nodes<Tree>, data>;
    constexpr std::size_t m = plan::count, n = Wrt::size;
    using data_tree = typename data_tree_of<Tree, plan>::type;
    auto const fixed = std::tuple_cat(fixed_part(bindings)...);
    // the hoisted values h_j, once, at the bindings that do not change
    auto const hoisted = [&] {
        if constexpr (m == 0) return std::array<double, 0>{};
        else
            return std::apply(
                [&](auto const&... b) {
                    return output_list<typename hoisted_parts<plan>::trees, N, Number>{numbers}(b...);
                },
                fixed);
    }();
    auto const hoisted_binding =
        family_binding<hoisted_family, m, std::span<typename decltype(hoisted)::value_type const, m>>{
            std::span<typename decltype(hoisted)::value_type const, m>(hoisted)};
    // F per record, by the parameters and by h
    using f_wrt = concat_t<Wrt, family_members<hoisted_family, m>>;
    using function = std::conditional_t<Gradient, value_and_gradient_function<data_tree, N, f_wrt, Number>,
                                        output_list<type_list<data_tree>, N, Number>>;
    function const at_record{numbers};
    auto const per_record = [&](auto const& record) {
        auto const result = [&] {
            if constexpr (m == 0) return at_record(bound_at(bindings, record)...);
            else return at_record(bound_at(bindings, record)..., hoisted_binding);
        }();
        if constexpr (Gradient) return result;
        else return result[0];
    };
    using per_record_result = decltype(per_record(*records.begin()));
    per_record_result total{};
    for (auto const& record : records) {
        add_into(total, per_record(record));
    }
    if constexpr (!Gradient) return total;
    else {
        using T = decltype(total.value);
        value_and_gradient_result<T, n> out{total.value, {}};
        for (std::size_t k = 0; k < n; ++k) out.gradient[k] = total.gradient[k];
        if constexpr (m > 0 && n > 0) {
            if (records.begin() != records.end()) {  // the parameter-only part's share: the gradient of sum_j c_j h_j
                std::array<T, m> cotangent{};
                for (std::size_t j = 0; j < m; ++j) cotangent[j] = total.gradient[n + j];
                auto const through_hoisted = std::apply(
                    [&](auto const&... b) {
                        return gradient_function<typename hoisted_parts<plan>::cotangent_tree, N, Wrt, Number>{numbers}(
                            b..., var_array<cotangent_family, m>{} = cotangent);
                    },
                    fixed);
                for (std::size_t k = 0; k < n; ++k) out.gradient[k] += through_hoisted[k];
            }
        }
        return out;
    }
}

template <class F> constexpr auto numbers_of_kernel(F const& f) {
    if constexpr (Expression<F>) return numbers_of(f);
    else return f.numbers;
}
template <class F> using kernel_number_t = typename decltype(numbers_of_kernel(std::declval<F const&>()))::value_type;
}  // namespace detail

/// The sum over the records of f's value, gradient or value and gradient, f an expression or
/// made by gradient(...) or value_and_gradient(...), at the bindings given: those of the form
/// x = each_record (the record), x = each_record(&point::x) (a member, or any function of the
/// record) take each record in turn, the others stay. What depends on no per-record variable is
/// computed once (detail/hoist.hpp), not once per record.
///     auto const [loss, g] = sum_over(points, value_and_gradient(nll, theta), theta = p, x = each_record);
template <class Records, class F, class... Bindings>
requires(sizeof...(Bindings) > 0 && requires(Records const& r) {
    r.begin();
    r.end();
}) constexpr auto sum_over(Records const& records, F const& f, Bindings const&... bindings) {
    static_assert(detail::is_summable_kernel<F>,
                  "leibniz::sum_over(data, f, bindings...): f is an expression, or made by gradient(f, ...) or "
                  "value_and_gradient(f, ...); for a Jacobian or a Hessian summed over data write "
                  "sum_over(data, [&](auto const& record) { return h(theta = p, x = record.x); })");
    static_assert((detail::is_per_record<Bindings> || ...),
                  "leibniz::sum_over(data, f, bindings...): bind the variables that change from record to record "
                  "with each_record, x = each_record (the record itself) or x = each_record(&point::x) (a member "
                  "of it); with none, every record would give the same term");
    using kernel = detail::kernel_of<F>;
    auto const numbers = detail::numbers_of_kernel(f);
    if constexpr ((detail::binds_a_tape_var<Bindings> || ...)) {
        static_assert(!kernel::gradient,
                      "leibniz::sum_over(data, f, bindings...) with tape::vars bound: f is the "
                      "expression itself, whose sum is recorded with its gradient by the "
                      "tape::vars (not gradient(f, ...) or value_and_gradient(f, ...))");
        return tape::detail::record_sum_over<typename kernel::tree>(numbers, records, bindings...);  // tape/kernel.hpp
    } else if constexpr (!kernel::gradient)
        return detail::summed_kernel<false, typename kernel::tree, detail::type_list<>>(numbers, records, bindings...);
    else {
        auto const sum =
            detail::summed_kernel<true, typename kernel::tree, typename kernel::wrt>(numbers, records, bindings...);
        if constexpr (kernel::value) return sum;
        else return sum.gradient;
    }
}

}  // namespace leibniz
