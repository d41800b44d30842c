#pragma once
// Reverse mode generated at compile time: gradient, value_and_gradient, jacobian (of
// outputs(f, g, ...)) and hessian. Each is one forward sweep over the graph of distinct
// subexpressions (evaluate.hpp's forward_values) and one reverse sweep per output
// (detail/reverse.hpp), all laid out at compile time: no tape, no allocation. Several outputs
// share one graph, the union of their nodes, so a subexpression they have in common is
// computed once.
#include <array>
#include <cstddef>
#include <type_traits>
#include <utility>

#include "functions.hpp"
#include "derivative.hpp"
#include "detail/blocks.hpp"
#include "detail/graph.hpp"
#include "detail/reverse.hpp"
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

/// The graph of several trees: the union of their nodes, by one depth-first walk from every
/// root in turn (graph.hpp's), so a node shared by several outputs is one node, computed once.
template <class Trees> struct shared_graph;
template <class Tree> struct shared_graph<type_list<Tree>> {
    using nodes = graph_nodes<Tree>;
    static constexpr std::array<std::size_t, 1> roots{nodes::size - 1};
};
template <class... Trees> struct shared_graph<type_list<Trees...>> {
    using nodes = graph_of<Trees...>;
    static constexpr std::array<std::size_t, sizeof...(Trees)> roots{slot_of<Trees, nodes>::value...};
};

template <class Nodes, class Number, class... Bindings> using sweep_type =
    widened_by_t<typename evaluation_type<typename variables_in<Nodes>::type, Bindings...>::type, Number>;

/// The gradients of the graph's roots by the variables of Wrt, from its forward values; the
/// sweeps are forced inline when they are few enough (sweep_plan.hpp's forced_inline_pushes).
template <class Nodes, class Roots, class Wrt, class T, std::size_t K, std::size_t... R>
[[gnu::always_inline]] constexpr auto rows_at(std::array<T, K> const& value, std::index_sequence<R...>) {
    constexpr bool forced = [] {  // a loop, not a fold: a Hessian can have more than 256 rows
        std::size_t const counts[] = {swept_count<Nodes, Wrt, Roots::roots[R]>...};
        std::size_t total = 0;
        for (std::size_t c : counts) total += c;
        return total <= forced_inline_pushes;
    }();
    return std::array<std::array<T, Wrt::size>, sizeof...(R)>{
        gradient_at<Nodes, Wrt, Roots::roots[R], forced>(value)...};
}

/// Row r: the gradient of the r-th tree by the variables of Wrt, from one forward sweep. Forced
/// inline with the sweeps it calls (reverse.hpp says why).
template <class Trees, class Wrt, class Number, std::size_t N, class... Bindings>
[[gnu::always_inline]] constexpr auto jacobian_rows(std::array<Number, N> const& numbers, Bindings const&... bindings) {
    using graph = shared_graph<Trees>;
    using nodes = typename graph::nodes;
    using T = sweep_type<nodes, Number, Bindings...>;
    auto const value = forward_values<nodes, T>(numbers, bindings...);
    return rows_at<nodes, graph, Wrt>(value, std::make_index_sequence<Trees::size>{});
}

// d2f/dwi dwj = d2f/dwj dwi, but the two sweeps may round differently: entry (i, j) is taken
// from row min(i, j), at indices known at compile time, so the compiler forwards the values
// (a copying loop over the lower triangle went through memory: Rosenbrock-16's Hessian spent
// a third of its time there).
template <std::size_t I, class T, std::size_t N, std::size_t... J>
[[gnu::always_inline]] constexpr std::array<T, N> symmetric_row(std::array<std::array<T, N>, N> const& rows,
                                                                std::index_sequence<J...>) {
    return {rows[I < J ? I : J][I < J ? J : I]...};
}
template <class T, std::size_t N, std::size_t... I>
[[gnu::always_inline]] constexpr auto symmetric(std::array<std::array<T, N>, N> const& rows,
                                                std::index_sequence<I...>) {
    return std::array<std::array<T, N>, N>{symmetric_row<I>(rows, std::make_index_sequence<N>{})...};
}

// The second derivatives d/dwj (d f/dwi) for every pair of Wrt, as trees sharing f's numbers.
template <class Tree, class Wrt> struct gradient_trees;
template <class Tree, class... Ws> struct gradient_trees<Tree, type_list<Ws...>> {
    using type = type_list<derivative_tree<Tree, Ws>...>;
};

/// The values of the graph's roots, from its forward values.
template <class Graph, class T, std::size_t K, std::size_t... R>
[[gnu::always_inline]] constexpr std::array<T, sizeof...(R)> root_values(std::array<T, K> const& value,
                                                                         std::index_sequence<R...>) {
    return {value[Graph::roots[R]]...};
}

/// The rows of a Jacobian by the variables of the blocks in Mask, written into their blocks
/// (blocks.hpp's for_wanted_blocks calls it with the Mask of the non-null blocks).
template <class Trees, class Blocks, class T, std::size_t K, class U> struct block_sweep {
    std::array<T, K> const& value;
    U* const* blocks;
    template <std::size_t Mask> [[gnu::always_inline]] constexpr void operator()() const {
        using graph = shared_graph<Trees>;
        using wrt = typename selected_variables<Mask, Blocks>::type;
        write_blocks<Mask, Blocks>(
            blocks, rows_at<typename graph::nodes, graph, wrt>(value, std::make_index_sequence<Trees::size>{}));
    }
};

/// The Jacobian's blocks into blocks[k] (row-major, outputs x size of block k), each non-null
/// block computed and a null one not; from the forward values.
template <class Trees, class Blocks, class T, std::size_t K, class U>
[[gnu::always_inline]] constexpr void write_jacobian_blocks(std::array<T, K> const& value, U* const* blocks) {
    static_cast<void>(refuse_number_class_into<std::remove_cv_t<U>, T>{});
    for_wanted_blocks<Blocks::size>(wanted_blocks<Blocks::size>(blocks),
                                    block_sweep<Trees, Blocks, T, K, U>{value, blocks});
}

/// What every derivative function has: the plain numbers of the expression it was made from
/// (2.5 in 2.5 * x), and into(storage...), which makes the same function write its results
/// where the caller keeps them (Self's write(handle..., bindings...) does the writing).
/// Such a function has a type that can be named (gradient_t, named_results.hpp), and so can be
/// declared before it is given a value: default construction is refused when there are numbers
/// to lose, since zeros in their place would give silently wrong results.
template <class Self, std::size_t N, class Number> struct derivative_function {
    std::array<Number, N> numbers{};
    constexpr derivative_function() requires(N == 0) = default;
    constexpr derivative_function() requires(N > 0) { static_cast<void>(refuse_default_numbers<N>{}); }
    explicit constexpr derivative_function(std::array<Number, N> const& values) : numbers(values) {}

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

// Each function below is called with bindings, f(x = 1.0, ...), and made to write where the
// caller keeps its results by into(...) (detail::derivative_function), whose arguments reach its
// write(...): a pointer or array of numbers (row-major), a std::span (row-major, its size checked),
// Ceres' double** (per block), or a named container of result_storage (result_storage.hpp).

/// outputs(f, g, ...) as a function of the bindings: their values, from one forward sweep over
/// their shared graph.          outputs(x * y, x + y)(x = 2.0, y = 3.0) == std::array{6.0, 5.0}
template <class Trees, std::size_t N, class Number> struct output_list
    : detail::derivative_function<output_list<Trees, N, Number>, N, Number> {
    using detail::derivative_function<output_list, N, Number>::derivative_function;

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
    using detail::derivative_function<gradient_function, N, Number>::derivative_function;

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
    using detail::derivative_function<value_and_gradient_function, N, Number>::derivative_function;

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
    using detail::derivative_function<jacobian_function, N, Number>::derivative_function;

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
    using detail::derivative_function<value_and_jacobian_function, N, Number>::derivative_function;

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
    using detail::derivative_function<hessian_function, N, Number>::derivative_function;

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
            detail::shift_slots_t<typename detail::tree_of<Fs>::type, detail::number_offsets<Fs...>[I]>...>;
        return output_list<trees, detail::number_offsets<Fs...>[sizeof...(Fs)],
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
    return gradient_function<typename detail::tree_of<F>::type, detail::numbers_count<F>,
                             detail::flattened_variables<Xs...>, detail::number_type_t<F>>{detail::numbers_of(f)};
}

/// f and (df/dx, df/dy, ...) from the same sweeps.    auto [v, g] = value_and_gradient(f, x, y)(x = 1.0, y = 2.0)
template <Expression F, DifferentiationTarget... Xs>
requires(sizeof...(Xs) >= 1) constexpr auto value_and_gradient(F const& f, Xs const&...) {
    static_cast<void>(detail::refuse_differentiating_a_condition<Condition<F>>{});
    return value_and_gradient_function<typename detail::tree_of<F>::type, detail::numbers_count<F>,
                                       detail::flattened_variables<Xs...>, detail::number_type_t<F>>{
        detail::numbers_of(f)};
}

/// J[i][j] = d output_i / d x_j: one forward sweep over the outputs' shared graph, one reverse
/// sweep per output.               jacobian(outputs(x * y, x + y), x, y)(x = 2.0, y = 3.0)
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
    return hessian_function<typename detail::tree_of<F>::type, detail::numbers_count<F>,
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
