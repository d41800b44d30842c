#pragma once
// The 2-4-1 network's variables, loss and sample, shared by the gradient and Hessian tests
// (kept out of gradient_models.hpp so that other files do not instantiate the loss).
#include <array>

#include <leibniz/leibniz.hpp>

#include "gradient_models.hpp"

namespace leibniz_test_models {

inline constexpr leibniz::var_array<"theta", 17> theta;
inline constexpr leibniz::var_array<"input", 2> input;
inline constexpr leibniz::var<"target"> target;
inline constexpr auto loss = network_loss(theta, input, target);

/// A function applying its argument (an expression, a gradient, a Hessian) at the sample.
inline auto at_sample(std::array<double, 17> const& parameters = network_theta) {
    return
        [parameters](auto const& f) { return f(theta = parameters, input = network_input, target = network_target); };
}

}  // namespace leibniz_test_models
