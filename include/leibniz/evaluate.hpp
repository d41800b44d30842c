#pragma once
// Evaluation without a tape: f(x = 0.5, y = 2.0). The graph's nodes are computed once each,
// in topological order, into a local array that the optimizer turns into registers.
#include <array>
#include <cmath>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "detail/apply.hpp"
#include "detail/graph.hpp"
#include "detail/node_shape.hpp"
#include "detail/rational_power.hpp"
#include "detail/refusals.hpp"
#include "expression.hpp"
#include "rules.hpp"

namespace leibniz {

namespace tape {
class var;
namespace detail {
// A kernel called with tape::vars (tape/kernel.hpp, which tape.hpp includes).
template <class Tree, class Number, std::size_t N, class... Bindings>
var record_kernel(std::array<Number, N> const& numbers, Bindings const&... bindings);
}  // namespace detail
}  // namespace tape

namespace detail {

template <class Variable> struct refuse_unbound;
template <fixed_string Name, int I> struct refuse_unbound<var<Name, I>> {
    using type = typename spelled<variable_is_not_bound, Name, I>::type::type;
};

template <class V, class... Bindings> constexpr std::size_t binding_index() {
    constexpr bool binds[] = {Bindings::template binds<V>..., false};
    std::size_t i = 0;
    while (i < sizeof...(Bindings) && !binds[i]) ++i;
    return i;
}

template <std::size_t I, class First, class... Rest>
[[gnu::always_inline]] constexpr auto const& nth(First const& first, Rest const&... rest) {
    if constexpr (I == 0) return first;
    else return nth<I - 1>(rest...);
}

/// The variables among a graph's nodes, in slot order: found by one pass over the nodes, then
/// taken from the graph's trie (graph.hpp's node_at), not by concatenating a list per node.
template <std::size_t N> struct variable_slots {
    std::size_t count = 0;
    std::size_t slot[N + 1]{};
};
template <class Nodes, class List = typename Nodes::list> struct variables_in;
template <class Nodes, class... Ns> struct variables_in<Nodes, type_list<Ns...>> {
    // named by its size alone: a nested class was named after every node
    using slots_t = variable_slots<sizeof...(Ns)>;
    static constexpr slots_t variables = []() consteval {
        bool const is_var[] = {is_variable<Ns>::value..., false};
        slots_t found{};
        for (std::size_t i = 0; i < sizeof...(Ns); ++i)
            if (is_var[i]) found.slot[found.count++] = i;
        return found;
    }
    ();
    template <class Seq> struct pick;
    template <std::size_t... I> struct pick<std::index_sequence<I...>> {
        using type = type_list<node_at<variables.slot[I], Nodes>...>;
    };
    using type = typename pick<std::make_index_sequence<variables.count>>::type;
};

/// The type a binding gives the variables it binds (integers evaluate as double).
template <class Binding> using bound_type_t =
    scalar_result_t<std::remove_cvref_t<typename Binding::template value_type<typename Binding::first_variable>>>;

/// The common type of bound values: std::common_type of plain numbers; a number class (simd
/// lanes, a Jet) where one is bound, the plain numbers converted to it (x = lanes, y = 2.0).
template <class... Ts> struct common_number { using type = std::common_type_t<Ts...>; };
template <class... Ts>
requires(NumberLike<Ts> || ...) struct common_number<Ts...> {
    using type = numeric_type_t<Ts...>;  // apply.hpp: refuses two different number classes
};
template <class... Ts> using common_number_t = typename common_number<Ts...>::type;

/// The type an expression evaluates in: the common type of the values bound to its variables.
/// It is taken over the call's bindings that bind a variable of the expression, which are few,
/// and not over the variables, which may be thousands (std::common_type nests once per type:
/// over 450 variables it exceeded GCC's template depth). A variable no binding binds is refused.
template <class Variables, class... Bindings> struct evaluation_type { using type = double; };
template <class... Vs, class... Bindings>
requires(sizeof...(Vs) > 0) struct evaluation_type<type_list<Vs...>, Bindings...> {
    // classes, not static members: a static member is a symbol named after every variable (combine.hpp)
    template <class B> struct binds_one : std::bool_constant<any_of({B::template binds<Vs>...})> {};
    static constexpr auto common() {
        constexpr std::size_t first_unbound =
            first_true({(binding_index<Vs, Bindings...>() >= sizeof...(Bindings))...});
        if constexpr (first_unbound < sizeof...(Vs))
            return typename refuse_unbound<at_t<first_unbound, type_list<Vs...>>>::type{};
        else {  // a binding that binds none of the variables stands in as one that does
            constexpr std::size_t first_used = first_true({binds_one<Bindings>::value...});
            using used = bound_type_t<at_t<first_used, type_list<Bindings...>>>;
            return common_number_t<std::conditional_t<binds_one<Bindings>::value, bound_type_t<Bindings>, used>...>{};
        }
    }
    using type = decltype(common());
};

/// T, or long double when the expression keeps long double numbers and T is a real type: as
/// in plain C++, x * 1e-400L at x = 1.0 is a long double 1e-400 (complex T stays as it is).
template <class T, class Number> using widened_by_t =
    std::conditional_t<std::is_same_v<Number, long double> && std::is_floating_point_v<T>,
                       std::common_type_t<T, Number>, T>;

// ---- the value of one node from the values of its operands --------------------------------
// get<T, Reads>(values so far, plain numbers, bindings): Reads is graph.hpp's
// reads_of<Node, graph>::value, and operand i is read at Reads.operand[i].

// Named after the node's shape (detail/node_shape.hpp), not the node.
template <class Shape> struct node_value;

template <rational R> struct node_value<constant<R>> {
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const&, auto const&, auto const&...) {
        return R.template as<T>();
    }
};
template <class Tag> struct node_value<named_constant<Tag>> {
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const&, auto const&, auto const&...) {
        return to_number<T>(Tag::value);
    }
};
template <std::size_t K> struct node_value<runtime_constant<K>> {
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const&, auto const& numbers, auto const&...) {
        return to_number<T>(numbers[K]);
    }
};
template <fixed_string Name, int I> struct node_value<var<Name, I>> {
    template <class T, auto Reads, class... Bindings>
    [[gnu::always_inline]] static constexpr T get(auto const&, auto const&, Bindings const&... bindings) {
        using V = var<Name, I>;
        constexpr std::size_t at_binding = binding_index<V, Bindings...>();
        if constexpr (at_binding == sizeof...(Bindings)) return T{};  // already refused by evaluation_type
        else return to_number<T>(nth<at_binding>(bindings...).template get<V>());
    }
};
template <std::size_t Count> struct node_value<sum_shape<Count>> {
    template <class T, auto Reads, class V, std::size_t... I>
    [[gnu::always_inline]] static constexpr T add(V const& v, std::index_sequence<I...>) {
        T terms[] = {v[Reads.operand[I]]...};
        T total = terms[0];
        for (std::size_t i = 1; i < Count; ++i) total += terms[i];
        return total;
    }
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const& v, auto const&, auto const&...) {
        return add<T, Reads>(v, std::make_index_sequence<Count>{});
    }
};

// c u1 ... um / (b1^n1 ... bk^nk) reads each b^n as an operand (graph.hpp). It multiplies and
// divides alternately, u1 / b1^n1 * u2 / b2^n2 ..., the rest of either kind after: like the
// written x / y / z, and unlike u1 ... um / (b1^n1 ... bk^nk), no intermediate product of
// numerators or of denominators overflows or underflows where the written expression does not
// (x / y / z at 1e300 each is 1e-300, x * y / z at 1e200 is 1e200). One denominator costs one
// division, as by hand; each further one costs a division where it saves a product's range.
template <std::size_t Count> struct alternating_order {
    std::size_t factor[Count]{};  // positions among the factors, in the order they are applied
    bool divides[Count]{};
};
template <std::size_t Count> constexpr alternating_order<Count> alternate(bool const* in_denominator) {
    std::size_t numerator[Count]{}, denominator[Count]{}, numerators = 0, denominators = 0;
    for (std::size_t f = 0; f < Count; ++f) {
        if (in_denominator[f]) denominator[denominators++] = f;
        else numerator[numerators++] = f;
    }
    alternating_order<Count> order{};
    std::size_t at = 0;
    for (std::size_t n = 0, d = 0; n < numerators || d < denominators;) {
        if (n < numerators) order.factor[at++] = numerator[n++];
        if (d < denominators) {
            order.divides[at] = true;
            order.factor[at++] = denominator[d++];
        }
    }
    return order;
}

template <factor_kind... Kinds> struct node_value<product_shape<Kinds...>> {
    static constexpr std::size_t count = sizeof...(Kinds);
    static constexpr bool in_denominator[count] = {(Kinds == factor_kind::denominator)...};
    static constexpr alternating_order<count> order = alternate<count>(in_denominator);

    template <class T, auto Reads, class V, std::size_t... I>
    [[gnu::always_inline]] static constexpr T multiply(V const& v, std::index_sequence<0, I...>) {
        constexpr std::size_t first = Reads.operand[order.factor[0]];
        T product = order.divides[0] ? T(1) / v[first] : T(v[first]);
        [[maybe_unused]] int in_order[] = {0, (product = order.divides[I] ? product / v[Reads.operand[order.factor[I]]]
                                                                          : product * v[Reads.operand[order.factor[I]]],
                                               0)...};
        return product;
    }
    template <class T, auto Reads, class V>
    [[gnu::always_inline]] static constexpr T get(V const& v, auto const&, auto const&...) {
        return multiply<T, Reads>(v, std::make_index_sequence<count>{});
    }
};
template <rational R> struct node_value<rational_power_shape<R>> {
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const& v, auto const&, auto const&...) {
        return rational_power<R>(v[Reads.operand[0]]);
    }
};
template <> struct node_value<power_shape> {
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const& v, auto const&, auto const&...) {
        return rules::pow_fn::value(v[Reads.operand[0]], v[Reads.operand[1]]);
    }
};
template <> struct node_value<same_base_power_shape> : node_value<power_shape> {};
template <class Rule, std::size_t Count> struct node_value<call_shape<Rule, Count>> {
    template <class T, auto Reads, class V, std::size_t... I>
    [[gnu::always_inline]] static constexpr T apply(V const& v, std::index_sequence<I...>) {
        return static_cast<T>(Rule::value(v[Reads.operand[I]]...));
    }
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const& v, auto const&, auto const&...) {
        return apply<T, Reads>(v, std::make_index_sequence<Count>{});
    }
};

// Conditions are 1 where they hold and 0 elsewhere; select reads its condition's value and
// keeps one arm (both were computed: an untaken arm's NaN stays there). With lanes
// (detail/number.hpp's has_lanes) each lane holds or not: a comparison gives a mask.
template <class T, class Mask> [[gnu::always_inline]] constexpr T holds(Mask const& b) { return choose(b, T(1), T(0)); }
template <class T> [[gnu::always_inline]] constexpr auto is_less(T const& a, T const& b) {
    if constexpr (is_complex<T>::value) return refuse_complex<complex_refusal::comparison, T>(a) == b;
    else return a < b;
}
template <class T> [[gnu::always_inline]] constexpr auto is_less_or_equal(T const& a, T const& b) {
    if constexpr (is_complex<T>::value) return refuse_complex<complex_refusal::comparison, T>(a) == b;
    else return a <= b;
}
template <bool Value> struct node_value<truth<Value>> {
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const&, auto const&, auto const&...) {
        return holds<T>(Value);
    }
};
template <> struct node_value<less_than_shape> {
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const& v, auto const&, auto const&...) {
        return holds<T>(is_less<T>(v[Reads.operand[0]], v[Reads.operand[1]]));
    }
};
template <> struct node_value<less_or_equal_shape> {
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const& v, auto const&, auto const&...) {
        return holds<T>(is_less_or_equal<T>(v[Reads.operand[0]], v[Reads.operand[1]]));
    }
};
template <> struct node_value<not_shape> {
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const& v, auto const&, auto const&...) {
        return holds<T>(v[Reads.operand[0]] == T(0));
    }
};
template <std::size_t Count> struct node_value<and_shape<Count>> {
    template <class T, auto Reads, class V, std::size_t... I>
    [[gnu::always_inline]] static constexpr T all(V const& v, std::index_sequence<I...>) {
        return holds<T>(((v[Reads.operand[I]] != T(0)) && ...));
    }
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const& v, auto const&, auto const&...) {
        return all<T, Reads>(v, std::make_index_sequence<Count>{});
    }
};
template <std::size_t Count> struct node_value<or_shape<Count>> {
    template <class T, auto Reads, class V, std::size_t... I>
    [[gnu::always_inline]] static constexpr T any(V const& v, std::index_sequence<I...>) {
        return holds<T>(((v[Reads.operand[I]] != T(0)) || ...));
    }
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const& v, auto const&, auto const&...) {
        return any<T, Reads>(v, std::make_index_sequence<Count>{});
    }
};
template <> struct node_value<select_shape> {
    template <class T, auto Reads>
    [[gnu::always_inline]] static constexpr T get(auto const& v, auto const&, auto const&...) {
        return choose(v[Reads.operand[0]] != T(0), T(v[Reads.operand[1]]), T(v[Reads.operand[2]]));
    }
};

// Evaluation is forced inline: it must become the caller's straight-line code, with the node
// array in registers; left to its heuristics, GCC gives up on a graph of a few dozen nodes and
// calls a function that keeps every value in memory (10x slower, measured on Rosenbrock).
template <class Nodes, class T, class... Ns, std::size_t... I, class Number, std::size_t N, class... Bindings>
[[gnu::always_inline]] constexpr void fill_values(std::array<T, Nodes::size>& v, type_list<Ns...>,
                                                  std::index_sequence<I...>, std::array<Number, N> const& numbers,
                                                  Bindings const&... bindings) {
    // a braced list runs in order and, unlike a fold, has no nesting limit
    [[maybe_unused]] int in_order[] = {
        0, (v[I] = node_value<shape_of_t<Ns>>::template get<T, reads_of<Ns, Nodes>::value>(v, numbers, bindings...),
            0)...};
}

/// Above this many nodes the forward pass runs in chunks of forward_chunk nodes, each an
/// ordinary function with its nodes forced inline, as the reverse sweep does above its own
/// limit (sweep_plan.hpp's forced_inline_pushes): thousands of forced calls in one function make
/// GCC's inliner superlinear in them (perf: ipa-fnsummary's evaluate_properties_for_edge; the
/// graph and one evaluation of a Gaussian mixture's 4,593 nodes, g++ -O2: 164 s / 5.4 GB in one
/// function, 88 s / 4.4 GB in chunks), for values that live in memory anyway. The price, with
/// Clang 14: the 16-32-1 network's loss (1,206 nodes) went from 0.95-1.01x to 1.16-1.30x the
/// hand-written loss (bench/large_network.cpp); its gradient and GCC's code did not slow down.
/// Graphs up to the limit keep fill_values, which reads each node from the list directly rather
/// than through node_at's trie lookup.
inline constexpr std::size_t forced_inline_nodes = 512;
inline constexpr std::size_t forward_chunk = 64;

// A chunk's function is named after its own steps (each node's shape and the slots it reads),
// never after the graph: GCC mangles the name of every function it compiles, searching its
// table of substitutions linearly, so a name that spells the graph's thousands of node types
// costs it the square of their number, and the chunks were as many as the nodes / 64: the
// Gaussian mixture's "callgraph construction" (mostly mangle_decl, perf) took 67 s of 164.
// the nodes of the chunk from First: forward_chunk, or what is left
constexpr std::size_t chunk_length(std::size_t size, std::size_t first) {
    return size - first < forward_chunk ? size - first : forward_chunk;
}
template <class Shape, auto Reads> struct value_step {};
template <class... Steps> struct value_steps {};
template <class Nodes, std::size_t First, class I> struct chunk_values;
template <class Nodes, std::size_t First, std::size_t... I>
struct chunk_values<Nodes, First, std::index_sequence<I...>> {
    using type = value_steps<
        value_step<shape_of_t<node_at<First + I, Nodes>>, reads_of<node_at<First + I, Nodes>, Nodes>::value>...>;
};

template <std::size_t First, class... Shapes, auto... Reads, class T, std::size_t K, class Number, std::size_t N,
          class... Bindings>
constexpr void fill_chunk(value_steps<value_step<Shapes, Reads>...>, std::array<T, K>& v,
                          std::array<Number, N> const& numbers, Bindings const&... bindings) {
    std::size_t at = First;
    [[maybe_unused]] int in_order[] = {
        0, (v[at++] = node_value<Shapes>::template get<T, Reads>(v, numbers, bindings...), 0)...};
}
template <class Nodes, class T, std::size_t... C, class Number, std::size_t N, class... Bindings>
[[gnu::always_inline]] constexpr void fill_chunks(std::array<T, Nodes::size>& v, std::index_sequence<C...>,
                                                  std::array<Number, N> const& numbers, Bindings const&... bindings) {
    [[maybe_unused]] int in_order[] = {
        0, (fill_chunk<C * forward_chunk>(
                typename chunk_values<Nodes, C * forward_chunk,
                                      std::make_index_sequence<chunk_length(Nodes::size, C * forward_chunk)>>::type{},
                v, numbers, bindings...),
            0)...};
}

// ---- one binding per variable ----------------------------------------------------------------
// Checked per pair of bindings, never per variable of the expression (which may have thousands):
// two bindings bind a common variable exactly when one binds the other's first variable (a
// family binds its members from index 0, a single binding its one variable).

template <class A, class B> inline constexpr bool bind_a_common_variable =
    A::template binds<typename B::first_variable> || B::template binds<typename A::first_variable>;

template <class A, class... Bs> constexpr std::array<bool, sizeof...(Bs)> binds_a_variable_of() {
    return {bind_a_common_variable<A, Bs>...};
}

/// {i, j}, i < j, for the first two bindings of a call that bind a common variable; {n, n} if none.
template <class... Bindings> constexpr std::array<std::size_t, 2> repeated_binding() {
    constexpr std::size_t n = sizeof...(Bindings);
    std::array<std::array<bool, n>, n> const common{binds_a_variable_of<Bindings, Bindings...>()...};
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j)
            if (common[i][j]) return {i, j};
    return {n, n};
}

template <class Variable> struct refuse_bound_twice;
template <fixed_string Name, int I> struct refuse_bound_twice<var<Name, I>> {
    using type = typename spelled<variable_is_bound_twice, Name, I>::type::type;
};

/// Refuses a call that binds a variable twice (deduced return type: checked where it is called).
template <class... Bindings> constexpr auto check_each_variable_bound_once() {
    constexpr auto pair = repeated_binding<Bindings...>();
    if constexpr (pair[0] < sizeof...(Bindings)) {
        using A = at_t<pair[0], type_list<Bindings...>>;
        using B = at_t<pair[1], type_list<Bindings...>>;
        using common = std::conditional_t<A::template binds<typename B::first_variable>, typename B::first_variable,
                                          typename A::first_variable>;
        return typename refuse_bound_twice<common>::type{};
    }
}

/// The value of every node of the graph, in the graph's order; every evaluation and every sweep
/// starts here, so this is where a call's bindings are checked.
template <class Nodes, class T, class Number, std::size_t N, class... Bindings>
[[gnu::always_inline]] constexpr std::array<T, Nodes::size> forward_values(std::array<Number, N> const& numbers,
                                                                           Bindings const&... bindings) {
    check_each_variable_bound_once<Bindings...>();
    refuse_lanes_computed_wrong<T>();
    std::array<T, Nodes::size> v;  // every slot written by fill_values before it is read
    if constexpr (Nodes::size <= forced_inline_nodes)
        fill_values<Nodes, T>(v, typename Nodes::list{}, std::make_index_sequence<Nodes::size>{}, numbers, bindings...);
    else
        fill_chunks<Nodes, T>(v, std::make_index_sequence<(Nodes::size + forward_chunk - 1) / forward_chunk>{}, numbers,
                              bindings...);
    return v;
}

/// Whether a binding gives tape::vars (x = a, w = std::array<tape::var, N>): then the call is a
/// kernel recorded on the tape (tape/kernel.hpp).
template <class Binding> inline constexpr bool binds_a_tape_var = false;
template <class Binding>
requires requires { typename Binding::template value_type<typename Binding::first_variable>; }
inline constexpr bool binds_a_tape_var<Binding> =
    std::is_same_v<std::remove_cv_t<typename Binding::template value_type<typename Binding::first_variable>>,
                   tape::var>;

template <class Tree, class Number, std::size_t N, class... Bindings>
[[gnu::always_inline]] constexpr auto evaluate_numbers(std::array<Number, N> const& numbers,
                                                       Bindings const&... bindings) {
    using nodes = graph_nodes<Tree>;
    using T = widened_by_t<typename evaluation_type<typename variables_in<nodes>::type, Bindings...>::type, Number>;
    return forward_values<nodes, T>(numbers, bindings...)[nodes::size - 1];
}

template <class Tree, class Number, std::size_t N, class... Bindings>
[[gnu::always_inline]] constexpr auto evaluate(std::array<Number, N> const& numbers, Bindings const&... bindings) {
    if constexpr ((binds_a_tape_var<Bindings> || ...)) return tape::detail::record_kernel<Tree>(numbers, bindings...);
    else return evaluate_numbers<Tree>(numbers, bindings...);
}

}  // namespace detail
}  // namespace leibniz
