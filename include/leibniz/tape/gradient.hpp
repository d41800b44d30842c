#pragma once
// gradient(y, a, b, ...): one reverse sweep over the arena, from y down to the first node.
#include <array>
#include <concepts>
#include <cstddef>
#include <string>
#include <vector>

#include "../detail/refusals.hpp"
#include "recording.hpp"

namespace leibniz::tape {
namespace detail {

/// The recording of y, which must be the innermost live one.
inline recording& recording_for_gradient(var const& y) {
    auto id = access::recording_of(y);
    auto& t = this_thread();
    if (t.depth > 0 && t.levels[t.depth - 1].id == id) return t.levels[t.depth - 1];
    for (std::size_t level = 0; level + 1 < t.depth; ++level)
        if (t.levels[level].id == id)
            throw error(
                "leibniz::tape::gradient: y belongs to an outer recording, paused while an inner "
                "tape::scope is live; take the gradient after the inner scope ends, or record y in "
                "the inner scope");
    throw error(
        "leibniz::tape::gradient: y's recording has ended (its tape::scope was destroyed) or "
        "belongs to another thread; call gradient while the scope that recorded y is still alive, "
        "on the same thread");
}

/// Adjoints of every node up to y: one loop over the arena, in reverse.
inline std::vector<double> const& sweep(recording& r, index y) {
    auto& adjoint = r.adjoints;
    adjoint.assign(std::size_t{y} + 1, 0.0);
    adjoint[y] = 1.0;
    for (index i = y; i > sink; --i) {
        double a = adjoint[i];
        // A node y does not depend on passes nothing back: 0 * an infinite partial (sqrt at 0)
        // would otherwise reach its parents as NaN.
        if (a == 0.0) continue;
        node const& n = r.nodes[i];
        if (n.parent[0] == fan_in) [[unlikely]] {  // a kernel's node (recording.hpp)
            index const* parents = r.fan_parents.data() + n.parent[1];
            double const* partials = r.fan_partials.data() + n.parent[1];
            for (std::size_t k = 0, count = static_cast<std::size_t>(n.partial[0]); k < count; ++k)
                adjoint[parents[k]] += partials[k] * a;
            continue;
        }
        adjoint[n.parent[0]] += n.partial[0] * a;
        adjoint[n.parent[1]] += n.partial[1] * a;
    }
    return adjoint;
}

inline double adjoint_of(recording const& r, std::vector<double> const& adjoint, var const& x, std::size_t k) {
    if (access::recording_of(x) != r.id)
        throw error("leibniz::tape::gradient: input " + std::to_string(k) +
                    " (counting from 0) is a tape::var of another recording than y; differentiate by "
                    "variables recorded in the same tape::scope as y");
    index at = access::at(x);
    return at < adjoint.size() ? adjoint[at] : 0.0;  // recorded after y: y does not depend on it
}

}  // namespace detail

/// The partial derivatives dy/dx for each x, from one reverse sweep over y's recording.
///     std::array<double, 2> g = gradient(y, a, b);
template <std::same_as<var>... Xs> std::array<double, sizeof...(Xs)> gradient(var const& y, Xs const&... xs) {
    auto& r = detail::recording_for_gradient(y);
    auto const& adjoint = detail::sweep(r, detail::access::at(y));
    std::size_t k = 0;
    return {detail::adjoint_of(r, adjoint, xs, k++)...};
}

/// The same for a whole array of inputs (the weights of a model).
///     std::array<double, 3> g = gradient(loss, w);
template <std::size_t N> std::array<double, N> gradient(var const& y, std::array<var, N> const& xs) {
    auto& r = detail::recording_for_gradient(y);
    auto const& adjoint = detail::sweep(r, detail::access::at(y));
    std::array<double, N> g{};
    for (std::size_t k = 0; k < N; ++k) g[k] = detail::adjoint_of(r, adjoint, xs[k], k);
    return g;
}

namespace detail {
template <class T> inline constexpr bool is_array_of_vars = false;
template <std::size_t N> inline constexpr bool is_array_of_vars<std::array<var, N>> = true;
}  // namespace detail

// gradient(y, 2.0), gradient(y, std::vector<var>{...}): refused with a sentence, not "no
// matching function"
template <class... Xs>
requires(!(std::same_as<Xs, var> && ...) &&
         !(sizeof...(Xs) == 1 && (detail::is_array_of_vars<Xs> && ...))) auto gradient(var const&, Xs const&...) {
    return leibniz::detail::refuse_tape_gradient_input<Xs...>();
}

}  // namespace leibniz::tape
