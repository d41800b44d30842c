#pragma once
// Recording one operation: its value and local partials, from operands that are tape::vars
// or plain numbers (double, int, or a closed leibniz constant such as 3_c, c<1, 3>, pi_c).
// A number operand is not recorded: its partial goes nowhere.
#include <array>
#include <concepts>
#include <cstddef>
#include <type_traits>

#include "../functions.hpp"
#include "../detail/combine.hpp"
#include "../detail/refusals.hpp"
#include "../evaluate.hpp"
#include "recording.hpp"

namespace leibniz::tape {

/// A number a tape::var can be combined with: an arithmetic value or a closed leibniz
/// expression (3_c, c<1, 3>, pi_c, sqrt(2_c)), which is a number known at compile time.
template <class T>
concept number = (std::is_arithmetic_v<T> && !std::is_same_v<T, bool>) || leibniz::Closed<T>;

/// A tape::var or a number.
template <class T>
concept operand = std::same_as<T, var> || number<T>;

/// Two operands of which at least one is recorded.
template <class A, class B>
concept involves_var = operand<A> && operand<B> &&(std::same_as<A, var> || std::same_as<B, var>);

/// A tape::var and a symbolic expression (var<"x">, 2.0 * x), which cannot be combined: the
/// operators and functions refuse them with a sentence (detail/refusals.hpp).
template <class A, class B>
concept mixes_var_and_expression = (std::same_as<A, var> && leibniz::Symbolic<B>) ||
                                   (leibniz::Symbolic<A> && std::same_as<B, var>);

namespace detail {

/// A number as a double; a closed expression evaluates with no bindings.
template <class T> double as_double(T const& x) {
    if constexpr (leibniz::Closed<T>) return static_cast<double>(x());
    else return static_cast<double>(x);
}

template <class T> double value_of(T const& x) {
    if constexpr (std::same_as<T, var>) return x.value();
    else return as_double(x);
}

/// y = f(x) with dy/dx = partial.
inline var record(var const& x, double value, double partial) {
    auto& r = live(access::recording_of(x));
    return access::make(value, push(r, value, access::at(x), partial, sink, 0.0), r.id);
}

/// y = f(a, b) with dy/da = da and dy/db = db; a number operand drops its partial.
template <class A, class B> var record(A const& a, B const& b, double value, double da, double db) {
    if constexpr (std::same_as<A, var> && std::same_as<B, var>) {
        auto& r = live(access::recording_of(a));
        if (access::recording_of(b) != r.id) live(access::recording_of(b));  // throws, naming the cause
        return access::make(value, push(r, value, access::at(a), da, access::at(b), db), r.id);
    } else if constexpr (std::same_as<A, var>) {
        return record(a, value, da);
    } else {
        return record(b, value, db);
    }
}

/// Where a fan-in node's recorded arguments are: the recording, looked up once (a thread-local
/// lookup each time otherwise), and each argument's position in it. Every argument is checked
/// before anything is recorded: it must be a var of the innermost live recording, as for any
/// operation (live() throws, naming the cause).
template <std::size_t K> struct fan_in_parents {
    recording* r;
    std::array<index, K> parents;
};
template <std::size_t K> fan_in_parents<K> parents_in_one_recording(std::array<var const*, K> const& arguments) {
    fan_in_parents<K> out{&live(access::recording_of(*arguments[0])), {}};
    for (std::size_t i = 0; i < K; ++i) {
        if (access::recording_of(*arguments[i]) != out.r->id) live(access::recording_of(*arguments[i]));
        out.parents[i] = access::at(*arguments[i]);
    }
    return out;
}

}  // namespace detail
}  // namespace leibniz::tape
