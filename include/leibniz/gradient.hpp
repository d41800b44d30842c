#pragma once
// Reverse mode generated at compile time: gradient, value_and_gradient, jacobian (of
// outputs(f, g, ...)) and hessian. Each is one forward sweep over the graph of distinct
// subexpressions (evaluate.hpp's forward_values) and one reverse sweep per output
// (detail/reverse.hpp; or per two outputs that share most of it, detail/adjoint_lanes.hpp), all
// laid out at compile time: no tape, no allocation. Several outputs share one graph, the union
// of their nodes, so a subexpression they have in common is computed once.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "functions.hpp"
#include "derivative.hpp"
#include "detail/blocks.hpp"
#include "detail/derivative_function.hpp"
#include "detail/jacobian_rows.hpp"
#include "detail/type_list.hpp"
#include "evaluate.hpp"
#include "expression.hpp"
#include "family.hpp"
#include "result_storage.hpp"

namespace leibniz {

namespace detail {
// The variables a differentiation target stands for: itself, or a family's members in order.
template <fixed_string Name, int I> struct target_variables<var<Name, I>> { using type = type_list<var<Name, I>>; };
template <fixed_string Name, std::size_t N> struct target_variables<var_array<Name, N>> {
    using type = family_members<Name, N>;
};
template <class... Xs> using flattened_variables =
    concat_t<typename target_variables<std::remove_cvref_t<Xs>>::type...>;
/// The blocks of a Jacobian's columns: one list of variables per target.
template <class... Xs> using target_blocks = type_list<typename target_variables<std::remove_cvref_t<Xs>>::type...>;
}  // namespace detail

/// Several expressions evaluated together on one graph: outputs(f, g)(x = 1.0), jacobian(outputs(f, g), x, y).
template <class Trees, std::size_t N, class Number = double> struct output_list;

namespace tape::detail {
// outputs(f, g) called with tape::vars (tape/kernel.hpp, which tape.hpp includes).
template <class Trees, class Number, std::size_t N, class... Bindings>
std::array<var, Trees::size> record_kernels(std::array<Number, N> const& numbers, Bindings const&... bindings);
}  // namespace tape::detail

namespace detail {
template <class T> inline constexpr bool is_output_list = false;
template <class Trees, std::size_t N, class Number>
inline constexpr bool is_output_list<output_list<Trees, N, Number>> = true;
}  // namespace detail

/// The value of f and its gradient: auto [value, gradient] = value_and_gradient(f, x, y)(x = 1.0, y = 2.0).
template <class T, std::size_t N> struct value_and_gradient_result {
    T value;
    std::array<T, N> gradient;
};

/// The values of M outputs and their Jacobian: auto [value, jacobian] = value_and_jacobian(outputs(f, g), x)(x = 1.0).
template <class T, std::size_t M, std::size_t N> struct value_and_jacobian_result {
    std::array<T, M> value;
    std::array<std::array<T, N>, M> jacobian;
};

// Each function below is called with bindings, f(x = 1.0, ...), and made to write where the
// caller keeps its results by into(...) (detail::derivative_function), whose arguments reach its
// write(...): a pointer or array of numbers (row-major), a std::span (row-major, its size checked),
// Ceres' double** (per block), or a named container of result_storage (result_storage.hpp).

/// outputs(f, g, ...) as a function of the bindings: their values, from one forward sweep over
/// their shared graph.          outputs(x * y, x + y)(x = 2.0, y = 3.0) == std::array{6.0, 5.0}
template <class Trees, std::size_t N, class Number> struct output_list
    : detail::derivative_function<output_list<Trees, N, Number>, N, Number> {
    template <class... Bindings> [[gnu::always_inline]] constexpr auto operator()(Bindings const&... bindings) const {
        if constexpr ((detail::binds_a_tape_var<Bindings> || ...)) {
            return tape::detail::record_kernels<Trees>(this->numbers, bindings...);  // tape/kernel.hpp
        } else {
            using graph = detail::shared_graph<Trees>;
            using T = detail::sweep_type<typename graph::nodes, Number, Bindings...>;
            return detail::root_values<graph>(
                detail::forward_values<typename graph::nodes, T>(this->numbers, bindings...),
                std::make_index_sequence<Trees::size>{});
        }
    }
    /// outputs(f, g).into(values)(bindings...): values[0] = f, values[1] = g.
    template <class Out, class... Bindings>
    [[gnu::always_inline]] constexpr void write(Out out, Bindings const&... bindings) const {
        detail::store(out, (*this)(bindings...));
    }
};

/// The gradient of an expression as a function of the bindings; made by gradient(f, x, ...).
template <class Tree, std::size_t N, class Wrt, class Number = double> struct gradient_function
    : detail::derivative_function<gradient_function<Tree, N, Wrt, Number>, N, Number> {
    template <class... Bindings> [[gnu::always_inline]] constexpr auto operator()(Bindings const&... bindings) const {
        return detail::jacobian_rows<detail::type_list<Tree>, Wrt>(this->numbers, bindings...)[0];
    }
    /// gradient(f, x, y).into(g)(bindings...): g[0] = df/dx, g[1] = df/dy.
    template <class Out, class... Bindings>
    [[gnu::always_inline]] constexpr void write(Out out, Bindings const&... bindings) const {
        detail::store(out, (*this)(bindings...));
    }
};

/// f and its gradient as a function of the bindings; made by value_and_gradient(f, x, ...).
template <class Tree, std::size_t N, class Wrt, class Number = double> struct value_and_gradient_function
    : detail::derivative_function<value_and_gradient_function<Tree, N, Wrt, Number>, N, Number> {
    template <class... Bindings> [[gnu::always_inline]] constexpr auto operator()(Bindings const&... bindings) const {
        using graph = detail::shared_graph<detail::type_list<Tree>>;
        using nodes = typename graph::nodes;
        using T = detail::sweep_type<nodes, Number, Bindings...>;
        auto const value = detail::forward_values<nodes, T>(this->numbers, bindings...);
        return value_and_gradient_result<T, Wrt::size>{
            value[graph::roots[0]], detail::rows_at<nodes, graph, Wrt>(value, std::make_index_sequence<1>{})[0]};
    }
    /// value_and_gradient(f, x, y).into(g)(bindings...) writes the gradient into g and returns
    /// f: the shape of an optimiser's callback, double f(double const* x, double* g).
    template <class Out, class... Bindings>
    [[gnu::always_inline]] constexpr auto write(Out out, Bindings const&... bindings) const {
        auto const [value, g] = (*this)(bindings...);
        detail::store(out, g);
        return value;
    }
};

/// The Jacobian of several outputs as a function of the bindings; made by jacobian(...).
/// Blocks: the variables of each differentiation target, for Jacobians written per block.
template <class Trees, std::size_t N, class Wrt, class Number = double, class Blocks = detail::type_list<Wrt>>
struct jacobian_function : detail::derivative_function<jacobian_function<Trees, N, Wrt, Number, Blocks>, N, Number> {
    template <class... Bindings> [[gnu::always_inline]] constexpr auto operator()(Bindings const&... bindings) const {
        return detail::jacobian_rows<Trees, Wrt>(this->numbers, bindings...);
    }
    /// jacobian(outputs(f, g), x, y).into(J)(bindings...): J row-major, J[r * 2 + c] = d output_r / d x_c.
    template <class Out, class... Bindings>
    requires(!detail::is_blocks_handle<Out>)
        [[gnu::always_inline]] constexpr void write(Out out, Bindings const&... bindings) const {
        detail::store(out, (*this)(bindings...));
    }
    /// jacobian(outputs(f, g), w, x).into(blocks)(bindings...): blocks[k] row-major, outputs x
    /// (size of the k-th target), as Ceres' double** jacobians; a null block is not computed,
    /// and a null blocks computes nothing.
    template <class U, class... Bindings>
    [[gnu::always_inline]] constexpr void write(U* const* blocks, Bindings const&... bindings) const {
        if (blocks == nullptr || detail::wanted_blocks<Blocks::size>(blocks) == 0) return;
        using nodes = typename detail::shared_graph<Trees>::nodes;
        using T = detail::sweep_type<nodes, Number, Bindings...>;
        detail::write_jacobian_blocks<Trees, Blocks>(detail::forward_values<nodes, T>(this->numbers, bindings...),
                                                     blocks);
    }
};

/// The values of several outputs and their Jacobian from one forward sweep; made by value_and_jacobian(...).
template <class Trees, std::size_t N, class Wrt, class Number = double, class Blocks = detail::type_list<Wrt>>
struct value_and_jacobian_function
    : detail::derivative_function<value_and_jacobian_function<Trees, N, Wrt, Number, Blocks>, N, Number> {
    template <class... Bindings> [[gnu::always_inline]] constexpr auto operator()(Bindings const&... bindings) const {
        using graph = detail::shared_graph<Trees>;
        using nodes = typename graph::nodes;
        using T = detail::sweep_type<nodes, Number, Bindings...>;
        auto const value = detail::forward_values<nodes, T>(this->numbers, bindings...);
        return value_and_jacobian_result<T, Trees::size, Wrt::size>{
            detail::root_values<graph>(value, std::make_index_sequence<Trees::size>{}),
            detail::rows_at<nodes, graph, Wrt>(value, std::make_index_sequence<Trees::size>{})};
    }
    /// value_and_jacobian(outputs(f, g), x, y).into(values, J)(bindings...): the values, and J row-major.
    template <class Values, class Out, class... Bindings>
    requires(!detail::is_blocks_handle<Out>)
        [[gnu::always_inline]] constexpr void write(Values values, Out out, Bindings const&... bindings) const {
        auto const result = (*this)(bindings...);
        detail::store(values, result.value);
        detail::store(out, result.jacobian);
    }
    /// value_and_jacobian(outputs(f, g), w, x).into(residuals, jacobians)(bindings...): Ceres'
    /// CostFunction::Evaluate in one call: the values, and the blocks that are not null (none
    /// when jacobians is null).
    template <class Values, class U, class... Bindings>
    [[gnu::always_inline]] constexpr void write(Values values, U* const* blocks, Bindings const&... bindings) const {
        using graph = detail::shared_graph<Trees>;
        using nodes = typename graph::nodes;
        using T = detail::sweep_type<nodes, Number, Bindings...>;
        auto const value = detail::forward_values<nodes, T>(this->numbers, bindings...);
        detail::store(values, detail::root_values<graph>(value, std::make_index_sequence<Trees::size>{}));
        if (blocks != nullptr) detail::write_jacobian_blocks<Trees, Blocks>(value, blocks);
    }
};

/// The Hessian of an expression as a function of the bindings; made by hessian(f, x, ...).
template <class Tree, std::size_t N, class Wrt, class Number = double> struct hessian_function
    : detail::derivative_function<hessian_function<Tree, N, Wrt, Number>, N, Number> {
    template <class... Bindings> [[gnu::always_inline]] constexpr auto operator()(Bindings const&... bindings) const {
        auto const rows =
            detail::jacobian_rows<typename detail::gradient_trees<Tree, Wrt>::type, Wrt>(this->numbers, bindings...);
        return detail::symmetric(rows, std::make_index_sequence<Wrt::size>{});
    }
    /// hessian(f, x, y).into(H)(bindings...): H row-major, H[i * 2 + j] = d2f / dx_i dx_j.
    template <class Out, class... Bindings>
    [[gnu::always_inline]] constexpr void write(Out out, Bindings const&... bindings) const {
        detail::store(out, (*this)(bindings...));
    }
};

/// outputs(f, g, ...): several expressions, for jacobian; their plain numbers keep their own slots.
template <Expression... Fs>
requires(sizeof...(Fs) >= 1) constexpr auto outputs(Fs const&... fs) {
    static_cast<void>(detail::refuse_differentiating_a_condition<detail::any_of({Condition<Fs>...})>{});
    return [&]<std::size_t... I>(std::index_sequence<I...>) {
        using trees = detail::type_list<
            detail::shift_slots_t<typename detail::tree_of<Fs>::type, detail::number_offsets<Fs...>::value[I]>...>;
        return output_list<trees, detail::number_offsets<Fs...>::value[sizeof...(Fs)],
                           detail::joined_number_t<detail::number_type_t<Fs>...>>{
            detail::joined_numbers(detail::numbers_of(fs)...)};
    }
    (std::index_sequence_for<Fs...>{});
}

/// (df/dx, df/dy, ...) at a point: one forward and one reverse sweep. A family w contributes
/// all its members in order.        gradient(x * y, x, y)(x = 2.0, y = 3.0) == std::array{3.0, 2.0}
template <Expression F, DifferentiationTarget... Xs>
requires(sizeof...(Xs) >= 1) constexpr auto gradient(F const& f, Xs const&...) {
    static_cast<void>(detail::refuse_differentiating_a_condition<Condition<F>>{});
    return gradient_function<typename detail::tree_of<F>::type, detail::numbers_count<F>::value,
                             detail::flattened_variables<Xs...>, detail::number_type_t<F>>{detail::numbers_of(f)};
}

/// f and (df/dx, df/dy, ...) from the same sweeps.    auto [v, g] = value_and_gradient(f, x, y)(x = 1.0, y = 2.0)
template <Expression F, DifferentiationTarget... Xs>
requires(sizeof...(Xs) >= 1) constexpr auto value_and_gradient(F const& f, Xs const&...) {
    static_cast<void>(detail::refuse_differentiating_a_condition<Condition<F>>{});
    return value_and_gradient_function<typename detail::tree_of<F>::type, detail::numbers_count<F>::value,
                                       detail::flattened_variables<Xs...>, detail::number_type_t<F>>{
        detail::numbers_of(f)};
}

/// J[i][j] = d output_i / d x_j: one forward sweep over the outputs' shared graph, one reverse
/// sweep per output (or per two).               jacobian(outputs(x * y, x + y), x, y)(x = 2.0, y = 3.0)
template <class Trees, std::size_t N, class Number, DifferentiationTarget... Xs>
requires(sizeof...(Xs) >= 1) constexpr auto jacobian(output_list<Trees, N, Number> const& fs, Xs const&...) {
    return jacobian_function<Trees, N, detail::flattened_variables<Xs...>, Number, detail::target_blocks<Xs...>>{
        fs.numbers};
}
/// The Jacobian of a single expression: one row, its gradient.
template <Expression F, DifferentiationTarget... Xs>
requires(sizeof...(Xs) >= 1) constexpr auto jacobian(F const& f, Xs const&... xs) {
    return jacobian(outputs(f), xs...);
}

/// The values of the outputs and J[i][j] = d output_i / d x_j from the same forward sweep.
///     auto [value, jacobian] = value_and_jacobian(outputs(x * y, x + y), x, y)(x = 2.0, y = 3.0)
template <class Trees, std::size_t N, class Number, DifferentiationTarget... Xs>
requires(sizeof...(Xs) >= 1) constexpr auto value_and_jacobian(output_list<Trees, N, Number> const& fs, Xs const&...) {
    return value_and_jacobian_function<Trees, N, detail::flattened_variables<Xs...>, Number,
                                       detail::target_blocks<Xs...>>{fs.numbers};
}
/// The value and Jacobian (one row) of a single expression.
template <Expression F, DifferentiationTarget... Xs>
requires(sizeof...(Xs) >= 1) constexpr auto value_and_jacobian(F const& f, Xs const&... xs) {
    return value_and_jacobian(outputs(f), xs...);
}

/// H[i][j] = d2f / dx_i dx_j: the reverse sweep run over the symbolic gradient's expressions
/// d f/dx_i, which share one graph with each other.     hessian(x * x * y, x, y)(x = 1.0, y = 2.0)
template <Expression F, DifferentiationTarget... Xs>
requires(sizeof...(Xs) >= 1) constexpr auto hessian(F const& f, Xs const&...) {
    static_cast<void>(detail::refuse_differentiating_a_condition<Condition<F>>{});
    return hessian_function<typename detail::tree_of<F>::type, detail::numbers_count<F>::value,
                            detail::flattened_variables<Xs...>, detail::number_type_t<F>>{detail::numbers_of(f)};
}

// ---- misuse, refused with a sentence (derivative.hpp's refuse_differentiation) -----------------
// (a deduced return type, so that the sentence comes before the caller's use of the result)

template <class F, class... Xs>
requires(!(Expression<F> && sizeof...(Xs) >= 1 &&
           (DifferentiationTarget<Xs> && ...))) constexpr auto gradient(F const&, Xs const&...) {
    return detail::refuse_differentiation<"gradient", Expression<F>, false, sizeof...(Xs) >= 1,
                                          (DifferentiationTarget<Xs> && ...), F>();
}
template <class F, class... Xs>
requires(!(Expression<F> && sizeof...(Xs) >= 1 &&
           (DifferentiationTarget<Xs> && ...))) constexpr auto value_and_gradient(F const&, Xs const&...) {
    return detail::refuse_differentiation<"value_and_gradient", Expression<F>, false, sizeof...(Xs) >= 1,
                                          (DifferentiationTarget<Xs> && ...), F>();
}
template <class F, class... Xs>
requires(!((Expression<F> || detail::is_output_list<F>)&&sizeof...(Xs) >= 1 &&
           (DifferentiationTarget<Xs> && ...))) constexpr auto jacobian(F const&, Xs const&...) {
    return detail::refuse_differentiation < "jacobian", Expression<F> || detail::is_output_list<F>, true,
           sizeof...(Xs) >= 1, (DifferentiationTarget<Xs> && ...), F > ();
}
template <class F, class... Xs>
requires(!((Expression<F> || detail::is_output_list<F>)&&sizeof...(Xs) >= 1 &&
           (DifferentiationTarget<Xs> && ...))) constexpr auto value_and_jacobian(F const&, Xs const&...) {
    return detail::refuse_differentiation < "value_and_jacobian", Expression<F> || detail::is_output_list<F>, true,
           sizeof...(Xs) >= 1, (DifferentiationTarget<Xs> && ...), F > ();
}
template <class F, class... Xs>
requires(!(Expression<F> && sizeof...(Xs) >= 1 &&
           (DifferentiationTarget<Xs> && ...))) constexpr auto hessian(F const&, Xs const&...) {
    return detail::refuse_differentiation<"hessian", Expression<F>, false, sizeof...(Xs) >= 1,
                                          (DifferentiationTarget<Xs> && ...), F>();
}

}  // namespace leibniz
