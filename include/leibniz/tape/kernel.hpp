#pragma once
// A leibniz expression as one operation of the tape: called with tape::vars bound to its
// variables, f(x = a, w = ws) evaluates f and its gradient by those variables with the
// compile-time sweep, and records the result with those partials. The runtime code around it
// (loops over data, branches on data values) stays on the tape; the kernel inside runs at
// compile-time speed, as f(x = 1.0) and gradient do.
//
//     auto const kernel = log(sum<5>([](auto k) { return ...; }));     // one point's term
//     tape::var loss = 0.0;
//     for (auto const& p : points) loss += kernel(theta = thetas, x = p.x);   // thetas: tape::vars
//
// Variables bound to numbers are data (not recorded); those bound to tape::vars, alone or as a
// family (w = std::array<tape::var, N>), are the kernel's arguments: one node of the tape with
// a parent per argument (a fan-in node, recording.hpp). outputs(f, g)(x = a, ...) gives one such
// node per output, an std::array of tape::vars.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "../evaluate.hpp"
#include "../family.hpp"
#include "../gradient.hpp"
#include "../sum_over.hpp"
#include "operation.hpp"
#include "recording.hpp"

namespace leibniz::tape::detail {

// What a binding of tape::vars differentiates by (a variable, or a family), and the same binding
// with the vars' values, for the compile-time sweep.
template <class Binding> struct tape_argument;
template <class V> struct tape_argument<binding<V, var>> {
    using target = V;
    static constexpr std::size_t count = 1;
    static binding<V, double> values(binding<V, var> const& b) { return {b.value.value()}; }
    static var const& at(binding<V, var> const& b, std::size_t) { return b.value; }
};
template <leibniz::detail::fixed_string Name, std::size_t N>
struct tape_argument<family_binding<Name, N, std::array<var, N>>> {
    using target = var_array<Name, N>;
    static constexpr std::size_t count = N;
    static family_binding<Name, N, std::array<double, N>> values(family_binding<Name, N, std::array<var, N>> const& b) {
        family_binding<Name, N, std::array<double, N>> out{};
        for (std::size_t i = 0; i < N; ++i) out.values[i] = b.values[i].value();
        return out;
    }
    static var const& at(family_binding<Name, N, std::array<var, N>> const& b, std::size_t i) { return b.values[i]; }
};

template <class Binding> constexpr bool is_tape_argument = leibniz::detail::binds_a_tape_var<Binding>;
// the binding as the sweep takes it: tape::vars replaced by their values, numbers as they are
template <class Binding> decltype(auto) numeric_binding(Binding const& b) {
    if constexpr (is_tape_argument<Binding>) return tape_argument<Binding>::values(b);
    else return (b);
}
// the variables a binding gives the kernel as arguments: none for a binding of numbers
template <class Binding, bool = is_tape_argument<Binding>> struct kernel_arguments {
    using type = leibniz::detail::type_list<>;
};
template <class Binding> struct kernel_arguments<Binding, true> {
    using type = leibniz::detail::flattened_variables<typename tape_argument<Binding>::target>;
};

// the tape::vars of a binding, appended at `next`
template <class Binding> void gather_arguments(var const**& next, Binding const& b) {
    if constexpr (is_tape_argument<Binding>)
        for (std::size_t i = 0; i < tape_argument<Binding>::count; ++i) *next++ = &tape_argument<Binding>::at(b, i);
}

// The tape positions of a kernel's arguments (operation.hpp's parents_in_one_recording).
template <std::size_t K, class... Bindings> fan_in_parents<K> parents_of(Bindings const&... bindings) {
    std::array<var const*, K> arguments{};
    var const** next = arguments.data();
    (gather_arguments(next, bindings), ...);
    return parents_in_one_recording(arguments);
}

// the variables bound to tape::vars, in the order of the bindings (a family's members in order)
template <class... Bindings> using kernel_wrt = leibniz::detail::concat_t<typename kernel_arguments<Bindings>::type...>;

/// One fan-in node of the given value and partials, a parent per tape::var of the bindings.
template <class T, std::size_t K, class... Bindings>
var record_fan_in(T const& value, std::array<T, K> const& partials, Bindings const&... bindings) {
    double const y = static_cast<double>(value);
    auto const [r, parents] = parents_of<K>(bindings...);
    return access::make(y, push_fan_in(*r, y, K, parents.data(), partials.data()), r->id);
}

/// f(x = a, ...) with tape::vars bound: one fan-in node of value f, a parent per argument.
template <class Tree, class Number, std::size_t N, class... Bindings>
var record_kernel(std::array<Number, N> const& numbers, Bindings const&... bindings) {
    using wrt = kernel_wrt<Bindings...>;
    auto const [value, partials] =
        value_and_gradient_function<Tree, N, wrt, Number>{numbers}(numeric_binding(bindings)...);
    return record_fan_in(value, partials, bindings...);
}

/// sum_over(data, f, theta = thetas, x = each_record) with tape::vars bound: one fan-in node of
/// value the sum over the records, its partials the summed gradient by the tape::vars, with the
/// parameter-only part of f computed once (detail/hoist.hpp).
template <class Tree, class Number, std::size_t N, class Records, class... Bindings>
var record_sum_over(std::array<Number, N> const& numbers, Records const& records, Bindings const&... bindings) {
    using wrt = kernel_wrt<Bindings...>;
    auto const [value, partials] =
        leibniz::detail::summed_kernel<true, Tree, wrt>(numbers, records, numeric_binding(bindings)...);
    return record_fan_in(value, partials, bindings...);
}

/// outputs(f, g)(x = a, ...) with tape::vars bound: a fan-in node per output, from one forward
/// sweep and the Jacobian's sweeps over the outputs' shared graph.
template <class Trees, class Number, std::size_t N, class... Bindings>
std::array<var, Trees::size> record_kernels(std::array<Number, N> const& numbers, Bindings const&... bindings) {
    using wrt = kernel_wrt<Bindings...>;
    // not structured bindings: the lambda below uses them, and Clang 14 cannot capture one
    auto const swept = value_and_jacobian_function<Trees, N, wrt, Number>{numbers}(numeric_binding(bindings)...);
    auto const arguments = parents_of<wrt::size>(bindings...);
    auto const node = [&](std::size_t m) {
        double const y = static_cast<double>(swept.value[m]);
        return access::make(y,
                            push_fan_in(*arguments.r, y, wrt::size, arguments.parents.data(), swept.jacobian[m].data()),
                            arguments.r->id);
    };
    return [&]<std::size_t... M>(std::index_sequence<M...>) { return std::array<var, Trees::size>{node(M)...}; }
    (std::make_index_sequence<Trees::size>{});
}

}  // namespace leibniz::tape::detail
