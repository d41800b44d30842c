// Reverse mode and families at compile time: building this file is the test.
#include <leibniz/leibniz.hpp>

#include <array>
#include <type_traits>

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var<"x"> x;
constexpr var<"y"> y;
constexpr var<"w"> w;
constexpr var<"b"> b;
constexpr var_array<"p", 3> p;

// ---- gradients are constant expressions where the operations are --------------------------
static_assert(gradient(x * y, x, y)(x = 2.0, y = 3.0)[0] == 3.0);
static_assert(gradient(x * y, x, y)(x = 2.0, y = 3.0)[1] == 2.0);
static_assert(gradient(x * y, x, y)(x = 2.0f, y = 3.0f) == std::array{3.0f, 2.0f});

// the backpropagation article's linear model: L = (w x + b - y)^2 at w = 2, x = 3, b = 1, y = 5
constexpr auto loss = pow(w * x + b - y, 2_c);
static_assert(gradient(loss, w, x, b)(w = 2.0, x = 3.0, b = 1.0, y = 5.0) == std::array{12.0, 8.0, 4.0});
static_assert(value_and_gradient(loss, w, x, b)(w = 2.0, x = 3.0, b = 1.0, y = 5.0).value == 4.0);

// quotients, rational powers and a zero factor, exactly
static_assert(gradient(x / y, x, y)(x = 3.0, y = 2.0) == std::array{0.5, -0.75});
static_assert(gradient(pow(x, 3_c) * y, x, y)(x = 2.0, y = 5.0) == std::array{60.0, 8.0});
static_assert(gradient(x * y * w, x, y, w)(x = 0.0, y = 2.0, w = 3.0) == std::array{6.0, 0.0, 0.0});
static_assert(gradient(2_c * x + 3_c, x, y)(x = 1.0) == std::array{2.0, 0.0});

// jacobians and hessians
static_assert(jacobian(outputs(x * y, x + y), x, y)(x = 2.0, y = 3.0) ==
              std::array{std::array{3.0, 2.0}, std::array{1.0, 1.0}});
static_assert(hessian(x * x * y, x, y)(x = 3.0, y = 2.0) == std::array{std::array{4.0, 6.0}, std::array{6.0, 0.0}});
static_assert(hessian(pow(x, 4_c), x)(x = 2.0)[0][0] == 48.0);

// ---- the sweep's plan (detail/sweep_plan.hpp), decided at compile time ------------------------
template <class F> using nodes_of = detail::graph_nodes<typename detail::tree_of<std::remove_cvref_t<F>>::type>;
template <class F, class... Wrt> using sweep_of =
    detail::sweep<nodes_of<F>, detail::type_list<Wrt...>, nodes_of<F>::size - 1>;

// (3x^2 + 7)^10: the 10, the 3 and the 2 of x^2 travel as one exact scale, 60, multiplied once
constexpr auto polynomial = pow(3_c * x * x + 7_c, 10_c);
using polynomial_sweep = sweep_of<decltype(polynomial), var<"x">>;
static_assert(polynomial_sweep::plan.scale[detail::slot_of<var<"x">, nodes_of<decltype(polynomial)>>::value] ==
              rational{60, 1});
static_assert(gradient(polynomial, x)(x = 1.0)[0] == 6e10);  // 60 * 1 * 10^9, exactly

// x - y reaches y with the scale -1: a negation, no multiplication
using difference_sweep = sweep_of<decltype(x - y), var<"x">, var<"y">>;
static_assert(difference_sweep::plan.scale[detail::slot_of<var<"y">, nodes_of<decltype(x - y)>>::value] ==
              rational{-1, 1});
static_assert(gradient(x - y, x, y)(x = 1.0, y = 2.0) == std::array{1.0, -1.0});

// two scales meeting at x, -2 from (1 - x)^2 and -400 from 100 (y - x^2)^2: x keeps their common
// divisor, -2, so that both contributions are multiplied by integers (1 and 200), not by 1/200
constexpr auto rosenbrock = (1_c - x) * (1_c - x) + 100_c * (y - x * x) * (y - x * x);
using rosenbrock_nodes = nodes_of<decltype(rosenbrock)>;
using rosenbrock_sweep = sweep_of<decltype(rosenbrock), var<"x">, var<"y">>;
static_assert(rosenbrock_sweep::plan.scale[detail::slot_of<var<"x">, rosenbrock_nodes>::value] == rational{-2, 1});
static_assert(rosenbrock_sweep::plan.scale[detail::slot_of<var<"y">, rosenbrock_nodes>::value] == rational{200, 1});
static_assert(gradient(rosenbrock, x, y)(x = 1.0, y = 1.0) == std::array{0.0, 0.0});  // the minimum
static_assert(gradient(rosenbrock, x, y)(x = 0.0, y = 1.0) == std::array{-2.0, 200.0});

// the first push to an adjoint assigns it (no 0 + a); pow(x, x) pushes to x twice and adds
using product_sweep = sweep_of<decltype(x * y), var<"x">, var<"y">>;
static_assert(product_sweep::plan.first_writer[0] == 2 &&
              product_sweep::plan.first_writer[1] == 2);  // x * y writes x, y
using self_power_sweep = sweep_of<decltype(pow(x, x)), var<"x">>;
static_assert(self_power_sweep::plan.first_writer[0] == 2);  // x's slot: no node assigns it (2 = none)

// sin(t)' = cos(t) and cos(t)' = -sin(t) are read from the graph when it holds them...
using trig = nodes_of<decltype(sin(x) * cos(x))>;
using sin_in_graph = detail::derivative_in_graph<rules::sin_fn, var<"x">, trig>;
using cos_in_graph = detail::derivative_in_graph<rules::cos_fn, var<"x">, trig>;
static_assert(sin_in_graph::found && sin_in_graph::slot == detail::slot_of<decltype(cos(x)), trig>::value);
static_assert(cos_in_graph::found && cos_in_graph::slot == detail::slot_of<decltype(sin(x)), trig>::value &&
              cos_in_graph::coefficient == rational{-1, 1});
// which derivatives are another rule's call is read off derivative() itself
template <class Rule, class Derivative, rational C = rational{1, 1}> constexpr bool derivative_is =
    detail::derivative_as_rule<Rule>::is_call&& std::is_same_v<
        typename detail::derivative_as_rule<Rule>::rule, Derivative>&& detail::derivative_as_rule<Rule>::coefficient ==
    C;
static_assert(derivative_is<rules::sin_fn, rules::cos_fn> &&
              derivative_is<rules::cos_fn, rules::sin_fn, rational{-1, 1}>);
static_assert(derivative_is<rules::sinh_fn, rules::cosh_fn> && derivative_is<rules::cosh_fn, rules::sinh_fn>);
static_assert(derivative_is<rules::exp_fn, rules::exp_fn> && derivative_is<rules::expm1_fn, rules::exp_fn>);
static_assert(derivative_is<rules::softplus_fn, rules::sigmoid_fn> &&
              derivative_is<rules::relu_fn, rules::heaviside_fn> && derivative_is<rules::abs_fn, rules::sign_fn>);
static_assert(!detail::derivative_as_rule<rules::tanh_fn>::is_call &&
              !detail::derivative_as_rule<rules::log_fn>::is_call &&
              !detail::derivative_as_rule<rules::sign_fn>::is_call &&
              !detail::derivative_as_rule<rules::atan2_fn>::is_call);
// softplus reads sigmoid, relu heaviside, from the graph when it holds them
static_assert(
    detail::derivative_in_graph<rules::softplus_fn, var<"x">, nodes_of<decltype(softplus(x) * sigmoid(x))>>::found);
static_assert(detail::derivative_in_graph<rules::relu_fn, var<"x">, nodes_of<decltype(relu(x) + heaviside(x))>>::found);
// ...and computed where it does not
static_assert(!detail::derivative_in_graph<rules::sin_fn, var<"x">, nodes_of<decltype(sin(x))>>::found);
static_assert(!detail::derivative_in_graph<rules::tanh_fn, var<"x">, nodes_of<decltype(tanh(x))>>::found);

// ---- families -----------------------------------------------------------------------------
static_assert(std::is_same_v<decltype(p[2_c]), var<"p", 2>>);
static_assert(Variable<decltype(p[0_c])> && DifferentiationTarget<decltype(p)> && DifferentiationTarget<decltype(x)>);
static_assert(!DifferentiationTarget<decltype(x * y)> && !DifferentiationTarget<double> && !Variable<decltype(p)>);
constexpr auto squares = sum<3>([](auto i) { return p[i] * p[i]; });
static_assert(squares == pow(p[0_c], 2_c) + pow(p[1_c], 2_c) + pow(p[2_c], 2_c));
static_assert(squares(p = std::array{1.0, 2.0, 3.0}) == 14.0);
static_assert(gradient(squares * x, p, x)(p = std::array{1.0, 2.0, 3.0}, x = 0.5) == std::array{1.0, 2.0, 3.0, 14.0});
static_assert(d(squares, p[1_c]) == 2_c * p[1_c]);
}  // namespace
