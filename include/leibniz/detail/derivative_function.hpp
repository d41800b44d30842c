#pragma once
// What every derivative function (gradient.hpp) is built on: the plain numbers of the expression
// it was made from, and into(storage...), which makes it write its results where the caller
// keeps them (written_into).
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "refusals.hpp"
#include "../result_storage.hpp"

namespace leibniz {

/// A derivative function whose results go into the caller's storage at each call, made by
/// into: gradient(f, x, y).into(g)(x = 1.0, y = 2.0) writes g[0], g[1]. It returns what the
/// function's write returns: nothing, or the value for value_and_gradient(f, ...).into(g).
template <class Function, class... Storage> struct written_into;
template <class Function, class Out> struct written_into<Function, Out> {
    Function function;
    Out out;
    template <class... Bindings> [[gnu::always_inline]] constexpr auto operator()(Bindings const&... bindings) const {
        return function.write(out, bindings...);
    }
};
template <class Function, class Values, class Out> struct written_into<Function, Values, Out> {
    Function function;
    Values values;
    Out out;
    template <class... Bindings> [[gnu::always_inline]] constexpr auto operator()(Bindings const&... bindings) const {
        return function.write(values, out, bindings...);
    }
};

namespace detail {

/// What every derivative function has: the plain numbers of the expression it was made from
/// (2.5 in 2.5 * x), and into(storage...), which makes the same function write its results
/// where the caller keeps them (Self's write(handle..., bindings...) does the writing).
/// Such a function has a type that can be named (gradient_t, named_results.hpp), and so can be
/// declared before it is given a value: default construction is refused when there are numbers
/// to lose, since zeros in their place would give silently wrong results.
/// The numbers live in a base named after N and Number only, whose constructors these are: the
/// functions built on it are aggregates (gradient_function<...>{numbers}), without constructors
/// of their own, each of which GCC would mangle with the whole tree in its name
/// (detail/combine.hpp says what that costs).
template <std::size_t N, class Number> struct derivative_numbers {
    std::array<Number, N> numbers{};
    constexpr derivative_numbers() requires(N == 0) = default;
    constexpr derivative_numbers() requires(N > 0) { static_cast<void>(refuse_default_numbers<N>{}); }
    constexpr derivative_numbers(std::array<Number, N> const& values) : numbers(values) {}
};

template <class Self, std::size_t N, class Number> struct derivative_function : derivative_numbers<N, Number> {
    /// f.into(out)(bindings...): f's results written into out at each call (Self's write says
    /// where); out is a pointer or array of numbers, Ceres' double**, or a named container of
    /// result_storage (an Eigen matrix with eigen.hpp). A named f is referred to, not copied
    /// (its numbers may be many); a temporary one, gradient(f, x).into(g), is moved in.
    template <class... Storage> constexpr auto into(Storage&&... storage) const& {
        return written_into_of<Self const&, Storage...>(static_cast<Self const&>(*this), storage...);
    }
    template <class... Storage> constexpr auto into(Storage&&... storage) && {
        return written_into_of<Self, Storage...>(static_cast<Self&&>(*this), storage...);
    }

private:
    // Storage as into deduced it: T& for a named argument, T for a temporary (refused when a
    // container, whose pointer would outlive it)
    template <class Function, class... Storage, class F, class... Arguments>
    static constexpr auto written_into_of(F&& function, Arguments&... storage) {
        constexpr bool writable = (!std::is_void_v<storage_handle_t<Storage>> && ...);
        static_cast<void>(refuse_storage<writable>{});
        if constexpr (writable) {
            return written_into<Function, storage_handle_t<Storage>...>{static_cast<F&&>(function),
                                                                        handle_of(storage)...};
        } else {
            return [](auto const&...) {};  // no second error where the result is called
        }
    }
};

}  // namespace detail

}  // namespace leibniz
