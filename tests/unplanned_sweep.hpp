#pragma once
// A reverse sweep without the planner: an oracle for detail/sweep_plan.hpp. It walks the same
// graph (detail/graph.hpp) in reverse order and gives each operand adjoint * (its local
// partial), every push an addition, every local partial computed from the rule table at run
// time, with none of the plan's decisions: no rational scales carried along a chain, no first
// push that assigns, no derivative read from another node (sin' from a cos node), no products
// by prefix and suffix. Like the tape, it skips a node whose adjoint is 0. The random corpus
// (random_expressions.hpp) checks that the planned sweep gives what this one gives.
#include <array>
#include <cstddef>
#include <concepts>
#include <tuple>
#include <type_traits>
#include <utility>

#include <leibniz/leibniz.hpp>

namespace unplanned {

using leibniz::rational;
using namespace leibniz::detail;

// local<Node>::push(operand values, own value, adjoint, to): to(i, adjoint * d node / d operand i).
// Leaves push nothing; a node kind with operands and no specialization here is an error.
template <class Node> struct local {
    static_assert(std::is_same_v<typename children<Node>::type, type_list<>>,
                  "unplanned sweep: a node kind without its partials");
    template <class Push> static void push(double const*, double, double, Push&&) {}
};

template <class... Ts> struct local<leibniz::sum_of<Ts...>> {
    template <class Push> static void push(double const*, double, double adjoint, Push&& to) {
        for (std::size_t i = 0; i < sizeof...(Ts); ++i) to(i, adjoint);
    }
};

// operand i is a numerator factor u or the b^n of a denominator b^-n (graph.hpp)
template <class... Fs> struct local<leibniz::product_of<Fs...>> {
    template <class Push> static void push(double const* o, double y, double adjoint, Push&& to) {
        constexpr std::size_t n = sizeof...(Fs);
        constexpr bool denominator[n] = {is_denominator<Fs>...};
        for (std::size_t i = 0; i < n; ++i) {
            if (denominator[i]) {
                to(i, adjoint * (-y / o[i]));
                continue;
            }
            double others = 1.0;
            for (std::size_t j = 0; j < n; ++j)
                if (j != i) others = denominator[j] ? others / o[j] : others * o[j];
            to(i, adjoint * others);
        }
    }
};

template <class B, rational R> struct local<leibniz::power<B, leibniz::constant<R>>> {
    template <class Push> static void push(double const* o, double, double adjoint, Push&& to) {
        constexpr rational less_one{R.num - R.den, R.den};  // R - 1, in lowest terms as R is
        to(0, adjoint * (R.template as<double>() * rational_power<less_one>(o[0])));
    }
};

template <class B, class E> struct local<leibniz::power<B, E>> {
    template <class Push> static void push(double const* o, double y, double adjoint, Push&& to) {
        auto const [d_base, d_exponent] = leibniz::rules::pow_fn::partials(o[0], o[1], y);
        to(0, adjoint * static_cast<double>(d_base));
        to(1, adjoint * static_cast<double>(d_exponent));
    }
};

template <class Rule, class A> struct local<leibniz::call<Rule, A>> {
    template <class Push> static void push(double const* o, double y, double adjoint, Push&& to) {
        to(0, adjoint * static_cast<double>(Rule::derivative(o[0], y)));
    }
};

template <class Rule, class A, class B, class... Rest> struct local<leibniz::call<Rule, A, B, Rest...>> {
    template <class Push> static void push(double const* o, double y, double adjoint, Push&& to) {
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            auto const partials = Rule::partials(o[I]..., y);
            (to(I, adjoint * static_cast<double>(std::get<I>(partials))), ...);
        }
        (std::make_index_sequence<2 + sizeof...(Rest)>{});
    }
};

template <class C, class A, class B> struct local<leibniz::select_of<C, A, B>> {
    template <class Push> static void push(double const* o, double, double adjoint, Push&& to) {
        to(o[0] != 0.0 ? 1 : 2, adjoint);
    }
};

// conditions: their derivative is 0 where it exists; they push nothing
template <class Node>
requires std::derived_from<Node, condition_tag>
struct local<Node> {
    template <class Push> static void push(double const*, double, double, Push&&) {}
};

/// d root / d node for every node of Nodes, from the nodes' values.
template <class Nodes, class... Ns>
std::array<double, Nodes::size> adjoints(std::array<double, Nodes::size> const& value, type_list<Ns...>) {
    std::array<double, Nodes::size> adjoint{};
    adjoint[Nodes::size - 1] = 1.0;
    using step = void (*)(std::array<double, Nodes::size> const&, std::array<double, Nodes::size>&, std::size_t);
    step const steps[] = {
        +[](std::array<double, Nodes::size> const& v, std::array<double, Nodes::size>& a, std::size_t self) {
            if (a[self] == 0.0) return;  // the tape's rule
            constexpr auto reads = reads_of<Ns, Nodes>::value;
            constexpr std::size_t count = operands<Ns>::type::size;
            double o[count + 1]{};
            for (std::size_t i = 0; i < count; ++i) o[i] = v[reads.operand[i]];
            local<Ns>::push(o, v[self], a[self], [&](std::size_t i, double amount) { a[reads.operand[i]] += amount; });
        }...};
    for (std::size_t self = Nodes::size; self-- > 0;) steps[self](value, adjoint, self);
    return adjoint;
}

}  // namespace unplanned
