#pragma once
// check_derivatives(f, x = 1.0, y = 2.0): the derivatives of a generic function by every
// engine side by side (the symbolic d(f, x) evaluated, the compile-time reverse sweep
// gradient(f, x, ...), the runtime tape, and central finite differences on plain doubles), and
// the largest disagreement between them.
//
//     auto f = [](auto x, auto y) { using std::sin; return sin(x * y) + x; };
//     auto report = leibniz::check_derivatives(f, x = 1.0, y = 2.0);
//     assert(report.agrees());  std::cout << report;
#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <ostream>
#include <string_view>
#include <utility>

#include "derivative.hpp"
#include "evaluate.hpp"
#include "detail/graph.hpp"
#include "gradient.hpp"
#include "tape.hpp"

namespace leibniz {

/// The derivatives of f at one point by each engine, and how far apart they are. Differences
/// are relative where the numbers are large, absolute near zero: |a - b| / max(1, |a|, |b|).
template <std::size_t N> struct derivative_check {
    std::array<std::string_view, N> variables{};
    double value = 0;                  // f at the point, on plain doubles
    std::array<double, N> symbolic{};  // d(f, x_i) evaluated
    std::array<double, N> gradient{};  // value_and_gradient(f, x, ...), the compile-time reverse sweep
    std::array<double, N> tape{};      // tape::gradient
    std::array<double, N> finite_difference{};
    double value_difference = 0;             // largest between the three engines' values of f
    double symbolic_vs_tape = 0;             // largest over the variables
    double gradient_vs_others = 0;           // largest of gradient vs symbolic and gradient vs tape
    double finite_difference_error = 0;      // largest of finite differences vs symbolic and vs tape
    std::size_t worst_symbolic_vs_tape = 0;  // the variable where each largest one is
    std::size_t worst_gradient = 0;
    std::size_t worst_finite_difference = 0;
    bool finite = true;  // every value and derivative is a finite number
    /// f as written (on plain doubles and on the tape) is not finite at the point, but its
    /// canonical form is: a removable singularity that the canonical form cancelled (x / x = 1
    /// at x = 0, README's numerical policy). The engines cannot agree here; compare nearby.
    bool removable_singularity = false;
    /// d(f, x) exists: false where f calls a user's function whose derivative is computed on
    /// numbers only (function.hpp); then `symbolic` is NaN and left out of every comparison.
    bool symbolic_available = true;

    /// Symbolic, gradient and tape agree (values too) to `exact`, and with finite differences
    /// to `finite_differences`; every number is finite.
    constexpr bool agrees(double exact = 1e-12, double finite_differences = 1e-6) const {
        return finite && value_difference <= exact && symbolic_vs_tape <= exact && gradient_vs_others <= exact &&
               finite_difference_error <= finite_differences;
    }
};

namespace detail {

/// |a - b| / max(1, |a|, |b|); 0 for equal numbers (infinities included), infinite for NaN
/// against a number.
inline double difference(double a, double b) {
    if (a == b || (std::isnan(a) && std::isnan(b))) return 0.0;
    if (!std::isfinite(a) || !std::isfinite(b)) return HUGE_VAL;
    return std::fabs(a - b) / std::max({1.0, std::fabs(a), std::fabs(b)});
}

template <class F, std::size_t N, std::size_t... I>
double call_at(F const& f, std::array<double, N> const& x, std::index_sequence<I...>) {
    return static_cast<double>(f(x[I]...));
}

// The five-point central difference (f(x-2h) - 8f(x-h) + 8f(x+h) - f(x+2h)) / 12h: error
// h^4 f^(5)/30 from truncation and about 1.5 eps |f| / h from rounding; h = 1e-4 max(1, |x|)
// keeps both near 1e-12 for well-scaled functions.
template <class F, std::size_t N> double central_difference(F const& f, std::array<double, N> x, std::size_t i) {
    auto at = [&](double step) {
        auto moved = x;
        moved[i] = x[i] + step;
        return call_at(f, moved, std::make_index_sequence<N>{});
    };
    double h = 1e-4 * std::max(1.0, std::fabs(x[i]));
    return (at(-2 * h) - 8 * at(-h) + 8 * at(h) - at(2 * h)) / (12 * h);
}

template <class... Nodes> constexpr bool all_nodes_differentiate_symbolically(type_list<Nodes...>*) {
    return all_of({node_derivative_is_symbolic<Nodes>...});
}

template <class B> struct binding_parts;
template <class Var, class Value> struct binding_parts<binding<Var, Value>> { using variable = Var; };

}  // namespace detail

/// The derivatives of f by each variable at the point, from the symbolic engine, the
/// compile-time gradient, the tape and finite differences; f is a generic function of as many
/// arguments as there are bindings.
///     check_derivatives([](auto x, auto y) { return x * y; }, x = 1.0, y = 2.0).agrees()
template <class F, class... Bindings>
requires(sizeof...(Bindings) >= 1) derivative_check<sizeof...(Bindings)> check_derivatives(F const& f,
                                                                                           Bindings const&... at) {
    constexpr std::size_t n = sizeof...(Bindings);
    static_assert((Variable<typename detail::binding_parts<Bindings>::variable> && ...),
                  "leibniz::check_derivatives(f, x = 1.0, y = 2.0): give the point as bindings of variables");
    derivative_check<n> out;
    std::array<double, n> point{static_cast<double>(at.value)...};
    out.variables = {detail::binding_parts<Bindings>::variable::name...};

    auto expression = f(typename detail::binding_parts<Bindings>::variable{}...);
    double symbolic_value = static_cast<double>(expression(at...));
    using nodes = typename detail::graph_nodes<typename detail::tree_of<decltype(expression)>::type>::list;
    out.symbolic_available = detail::all_nodes_differentiate_symbolically(static_cast<nodes*>(nullptr));
    if constexpr (detail::all_nodes_differentiate_symbolically(static_cast<nodes*>(nullptr)))
        out.symbolic = {
            static_cast<double>(d(expression, typename detail::binding_parts<Bindings>::variable{})(at...))...};
    else out.symbolic.fill(std::numeric_limits<double>::quiet_NaN());
    auto const [reverse_value, reverse_gradient] =
        value_and_gradient(expression, typename detail::binding_parts<Bindings>::variable{}...)(at...);
    for (std::size_t i = 0; i < n; ++i) out.gradient[i] = static_cast<double>(reverse_gradient[i]);

    double tape_value = 0;
    {
        tape::scope recording;
        std::array<tape::var, n> inputs{tape::var(static_cast<double>(at.value))...};
        tape::var y = [&]<std::size_t... I>(std::index_sequence<I...>) { return tape::var(f(inputs[I]...)); }
        (std::make_index_sequence<n>{});
        tape_value = y.value();
        out.tape = tape::gradient(y, inputs);
    }

    out.value = detail::call_at(f, point, std::make_index_sequence<n>{});
    out.value_difference =
        std::max({detail::difference(out.value, symbolic_value), detail::difference(out.value, tape_value),
                  detail::difference(out.value, static_cast<double>(reverse_value))});
    out.finite = std::isfinite(out.value) && std::isfinite(symbolic_value) && std::isfinite(tape_value);
    out.removable_singularity =
        !std::isfinite(out.value) && !std::isfinite(tape_value) && std::isfinite(symbolic_value);
    for (std::size_t i = 0; i < n; ++i) {
        out.finite_difference[i] = detail::central_difference(f, point, i);
        // without d, the sweep stands in for it: compared with the tape and finite differences
        double const symbolic = out.symbolic_available ? out.symbolic[i] : out.gradient[i];
        out.finite = out.finite && std::isfinite(symbolic) && std::isfinite(out.tape[i]) &&
                     std::isfinite(out.gradient[i]) && std::isfinite(out.finite_difference[i]);
        double exact = detail::difference(symbolic, out.tape[i]);
        double reverse =
            std::max(detail::difference(out.gradient[i], symbolic), detail::difference(out.gradient[i], out.tape[i]));
        if (reverse > out.gradient_vs_others) {
            out.gradient_vs_others = reverse;
            out.worst_gradient = i;
        }
        double approximate = std::max(detail::difference(out.finite_difference[i], symbolic),
                                      detail::difference(out.finite_difference[i], out.tape[i]));
        if (exact > out.symbolic_vs_tape) {
            out.symbolic_vs_tape = exact;
            out.worst_symbolic_vs_tape = i;
        }
        if (approximate > out.finite_difference_error) {
            out.finite_difference_error = approximate;
            out.worst_finite_difference = i;
        }
    }
    return out;
}

/// One line per variable: d/dx  symbolic …  tape …  finite difference …, then the largest
/// disagreements.
template <std::size_t N> std::ostream& operator<<(std::ostream& os, derivative_check<N> const& c) {
    auto flags = os.flags();
    auto precision = os.precision(17);
    os << "f = " << c.value << '\n';
    for (std::size_t i = 0; i < N; ++i)
        os << "d/d" << c.variables[i] << ": symbolic " << c.symbolic[i] << ", gradient " << c.gradient[i] << ", tape "
           << c.tape[i] << ", finite difference " << c.finite_difference[i] << '\n';
    os.precision(3);
    os << "largest difference: symbolic vs tape " << c.symbolic_vs_tape;
    if constexpr (N > 0) os << " (d/d" << c.variables[c.worst_symbolic_vs_tape] << ")";
    os << ", gradient vs both " << c.gradient_vs_others;
    if constexpr (N > 0) os << " (d/d" << c.variables[c.worst_gradient] << ")";
    os << ", finite differences " << c.finite_difference_error;
    if constexpr (N > 0) os << " (d/d" << c.variables[c.worst_finite_difference] << ")";
    os << ", values " << c.value_difference << (c.finite ? "" : "; not every number is finite");
    if (!c.symbolic_available)
        os << "\nno symbolic derivative: f calls a function whose derivative is computed on numbers only; "
              "the gradient is compared with the tape and finite differences";
    if (c.removable_singularity)
        os << "\nremovable singularity: f as written is not finite here and its canonical form is (a factor "
              "cancelled against itself, as x / x = 1 at x = 0); the engines cannot agree at this point: "
              "check a point nearby";
    os.precision(precision);
    os.flags(flags);
    return os;
}

}  // namespace leibniz
