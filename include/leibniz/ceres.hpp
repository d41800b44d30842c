#pragma once
// Opt-in, where Ceres Solver is installed (libceres-dev): residuals written as leibniz
// expressions over parameter-block families become a ceres::SizedCostFunction with exact
// Jacobians, value and Jacobian from one forward sweep per call, a block Ceres does not want
// (a null entry of `jacobians`: a constant parameter block) not computed.
//
//     constexpr var_array<"camera", 9> camera;  constexpr var_array<"point", 3> point;
//     constexpr var<"u"> u;  constexpr var<"v"> v;                      // the observation: data
//     auto const make_cost = leibniz::cost_function(outputs(px - u, py - v), camera, point);
//     problem.AddResidualBlock(make_cost(u = observed_u, v = observed_v), nullptr, cam, pt);
//
// The parameter blocks are the families, in the order of Ceres' parameter blocks; the other
// variables are data, bound once per residual block when the cost function is made, and kept
// in it. Ceres takes ownership of the cost function, as of its own.
#include <ceres/sized_cost_function.h>

#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include "family.hpp"
#include "gradient.hpp"
#include "view.hpp"

namespace leibniz {

namespace detail {
template <class T> inline constexpr bool is_parameter_block = false;
template <fixed_string Name, std::size_t N> inline constexpr bool is_parameter_block<var_array<Name, N>> = true;

/// One residual block: the value-and-Jacobian function of the residuals, the data it was made
/// with, and the families that are its parameter blocks.
template <class Function, std::size_t Residuals, class Data, class... Blocks> class leibniz_cost_function;
template <class Function, std::size_t Residuals, class... Data, class... Blocks>
class leibniz_cost_function<Function, Residuals, std::tuple<Data...>, Blocks...> final
    : public ceres::SizedCostFunction<static_cast<int>(Residuals), static_cast<int>(Blocks::size())...> {
public:
    leibniz_cost_function(Function const& function, Data const&... data) : function_(function), data_(data...) {}

    bool Evaluate(double const* const* parameters, double* residuals, double** jacobians) const override {
        evaluate(parameters, residuals, jacobians, std::index_sequence_for<Blocks...>{});
        return true;
    }

private:
    template <std::size_t... K> void evaluate(double const* const* parameters, double* residuals, double** jacobians,
                                              std::index_sequence<K...>) const {
        std::apply(
            [&](Data const&... data) {
                // each block read in place from Ceres' parameters; null Jacobian blocks not computed
                function_.into(residuals, jacobians)((Blocks{} = view<Blocks::size()>(parameters[K]))..., data...);
            },
            data_);
    }

    Function function_;
    std::tuple<Data...> data_;
};
}  // namespace detail

/// cost_function(outputs(r0, r1, ...), block0, block1, ...)(data bindings...): a new
/// ceres::CostFunction for one residual block, whose parameter blocks are the families block0,
/// block1, ... (var_array<"camera", 9>: a block of 9) and whose other variables are bound to the
/// data given. One expression is one residual: cost_function(r, block0, ...).
template <class Trees, std::size_t N, class Number, class... Blocks>
requires(sizeof...(Blocks) >= 1) auto cost_function(output_list<Trees, N, Number> const& residuals,
                                                    Blocks const&... blocks) {
    static_assert(
        (detail::is_parameter_block<Blocks> && ...),
        "leibniz::cost_function(outputs(...), blocks...): each parameter block is a family, var_array<\"w\", "
        "N> (a single variable is a family of 1, var_array<\"x\", 1>), in the order of Ceres' parameter blocks");
    using function_type = std::remove_cvref_t<decltype(value_and_jacobian(residuals, blocks...))>;
    return [function = value_and_jacobian(residuals, blocks...)](auto const&... data) -> ceres::CostFunction* {
        return new detail::leibniz_cost_function<function_type, Trees::size,
                                                 std::tuple<std::remove_cvref_t<decltype(data)>...>, Blocks...>(
            function, data...);
    };
}
template <Expression F, class... Blocks>
requires(sizeof...(Blocks) >= 1) auto cost_function(F const& residual, Blocks const&... blocks) {
    return cost_function(outputs(residual), blocks...);
}

}  // namespace leibniz
