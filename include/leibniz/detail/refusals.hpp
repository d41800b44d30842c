#pragma once
// The sentences that refuse misuse, each written once: the headers call these where the misuse
// is seen. A refusal is a static_assert in a template instantiated only on misuse, whose deduced
// return type makes it fire when the call is seen, before anything that would fail after it;
// it returns a value of the expected type so that no second error follows. Where a name helps,
// it is spelled as characters in the refusal's template arguments, variable_is_not_bound<'y'>,
// which GCC and Clang both print legibly in the instantiation (a fixed_string argument prints
// as numbers in Clang).
#include <array>
#include <cstddef>
#include <cstdint>
#include <type_traits>
#include <utility>

#include "../rational.hpp"
#include "fixed_string.hpp"

namespace leibniz::detail {

// ---- a variable's name as characters: var<"w", 2> prints as w[2] ----------------------------

constexpr std::size_t decimal_digits(int n) {
    std::size_t digits = 1;
    for (; n >= 10; n /= 10) ++digits;
    return digits;
}
template <fixed_string Name, int Index>
inline constexpr std::size_t printed_size = Name.size() + (Index >= 0 ? decimal_digits(Index) + 2 : 0);
template <fixed_string Name, int Index> inline constexpr auto printed_name = []() consteval {
    std::array<char, printed_size<Name, Index>> text{};
    std::size_t at = 0;
    for (std::size_t i = 0; i < Name.size(); ++i) text[at++] = Name.chars[i];
    if constexpr (Index >= 0) {
        text[at++] = '[';
        std::size_t const digits = decimal_digits(Index);
        for (std::size_t i = digits, n = Index; i-- > 0; n /= 10) text[at + i] = static_cast<char>('0' + n % 10);
        text[at + digits] = ']';
    }
    return text;
}
();
/// Refusal<'w', '[', '2', ']'> for var<"w", 2>.
template <template <char...> class Refusal, fixed_string Name, int Index> struct spelled {
    template <std::size_t... K> static auto spell(std::index_sequence<K...>)
        -> Refusal<printed_name<Name, Index>[K]...>;
    using type = decltype(spell(std::make_index_sequence<printed_size<Name, Index>>{}));
};

// ---- variables and their names ----------------------------------------------------------------

template <fixed_string Name> constexpr bool has_bracket() {
    for (std::size_t i = 0; i < Name.size(); ++i)
        if (Name.chars[i] == '[' || Name.chars[i] == ']') return true;
    return false;
}
/// The name of var<Name> or var_array<Name, N>: not empty, and not one that prints like a
/// family member (w[0]), which would be taken for one in printed and LaTeX output.
template <fixed_string Name> struct checked_variable_name {
    static_assert(Name.size() > 0,
                  "leibniz: a variable, var<\"x\">, or a family, var_array<\"w\", N>, needs a name of "
                  "at least one character: var<\"\"> has none");
    static_assert(!has_bracket<Name>(),
                  "leibniz: the name of a variable or family cannot contain '[' or ']': it would "
                  "print like a family member, w[0]; for indexed variables declare a family, "
                  "var_array<\"w\", N> w, and use its members w[0_c], w[1_c], ...");
    static constexpr bool value = true;
};

/// x = value with something that is not a number (var's operator=).
template <class Var, class Value> constexpr auto refuse_variable_binding() {
    static_assert(sizeof(Value) == 0,
                  "leibniz: a variable is bound to a number: a float, double, long double, an integer or a "
                  "std::complex, as in x = 1.0, or an exact rational, x = 1_c / 2_c, or a number class "
                  "(leibniz::NumberLike: simd lanes, a Jet); not to a bool, a string or an array (for many values "
                  "declare a family, var_array<\"w\", N> w, and bind it as w = std::array<double, N>{...})");
    return 0.0;
}

/// w = value with something that is not a sequence of numbers (var_array's operator=).
template <class Family, class Values> constexpr auto refuse_family_binding() {
    static_assert(sizeof(Values) == 0,
                  "leibniz: a family var_array<\"w\", N> is bound from N numbers: a std::array<double, N> or a "
                  "std::span<double const, N> (sizes checked at compile time), a std::vector<double> or a "
                  "std::span<double const> (sizes checked when bound, std::invalid_argument if not N), or a "
                  "pointer with its length, w = leibniz::view<N>(ptr), or an Eigen vector with <leibniz/eigen.hpp> "
                  "included; not a single number, a bool or a string");
    return 0.0;
}

/// w = ptr: a pointer does not say how many numbers it points to (var_array's operator=).
template <class Family, class Pointer> constexpr auto refuse_pointer_binding() {
    static_assert(sizeof(Pointer) == 0,
                  "leibniz: a family var_array<\"w\", N> cannot be bound from a bare pointer, which does not say "
                  "how many numbers it points to: write w = leibniz::view<N>(ptr), with N the family's size "
                  "(checked at compile time; nothing is copied), or w = std::span<double const>(ptr, n) to check "
                  "a run-time count n");
    return 0.0;
}

/// leibniz::view(ptr) without its length (view.hpp).
template <std::size_t Size> struct refuse_view_without_length {
    static_assert(Size != 0,
                  "leibniz::view<N>(ptr): give the number of values the pointer points to, as in "
                  "leibniz::view<9>(parameters[0]); it must be the size of the family it binds, w = view<N>(ptr)");
    using type = void;
};

/// w[i] with i outside 0 <= i < N (var_array's operator[]); the index and N are its arguments.
template <long long Index, std::size_t Size> struct family_index_in_range {
    static_assert(Index >= 0 && Index < static_cast<long long>(Size),
                  "leibniz::var_array: index out of range: w[i] needs 0 <= i < N for var_array<\"w\", N> (i and N "
                  "are the arguments of family_index_in_range<i, N> in this instantiation); in sum<M>(...) over "
                  "w[i + 1_c] or w[i * 2_c], choose M so that the largest index stays below N");
    static constexpr bool value = true;
};

/// Arithmetic on sum's index (sum_index.hpp) that gives no index: a fraction or a negative number.
template <long long Value, bool Whole> struct refuse_index_arithmetic {
    static_assert(Whole,
                  "leibniz::sum_index: arithmetic on sum's index i takes whole compile-time numbers, as in "
                  "i + 1_c or i * 2_c; a fraction such as 1_c / 2_c gives no index");
    static_assert(!Whole || Value >= 0,
                  "leibniz::sum_index: index arithmetic gives a negative index (the value is the first argument "
                  "of refuse_index_arithmetic<value, ...> in this instantiation), as i - 1_c does at i = 0: start "
                  "the sum's terms where the index is valid, as in sum<N - 1>([](auto i) { return w[i + 1_c] - "
                  "w[i]; }), or guard the term with if constexpr (i > 0)");
};

/// An unbound variable met while evaluating (evaluate.hpp's evaluation_type).
template <char... Name> struct variable_is_not_bound {
    static_assert(sizeof...(Name) == 0 && sizeof...(Name) != 0,
                  "leibniz: evaluating an expression needs a value for every variable it uses, and one is "
                  "missing (its name is spelled in variable_is_not_bound<...> above): add it to the call, "
                  "as in f(x = 1.0)");
    using type = double;
};

/// Two bindings of one call that bind a common variable (evaluate.hpp's forward_values).
template <char... Name> struct variable_is_bound_twice {
    static_assert(sizeof...(Name) == 0 && sizeof...(Name) != 0,
                  "leibniz: one call binds the same variable twice (its name is spelled in "
                  "variable_is_bound_twice<...> above), as in f(x = 1.0, x = 2.0), or a family member both "
                  "with its family and on its own, as in f(w = values, w[0_c] = 1.0): bind each variable once");
    using type = void;
};

/// A derivative function (gradient_t<F, X>, ...) default-constructed although its expression
/// holds plain numbers (gradient.hpp's derivative_function), which would be lost.
template <std::size_t Count> struct refuse_default_numbers {
    static_assert(Count == 0,
                  "leibniz: this derivative function keeps plain numbers of its expression (the 2.5 of 2.5 * x), so "
                  "it cannot be default-constructed: initialize it from the expression, as in "
                  "gradient_t<F, X> g = gradient(f, x), or in a constructor's initializer list, g(gradient(f, x))");
    using type = void;
};

/// f.into(storage) with storage that cannot be written (gradient.hpp's derivative_function).
template <bool Writable> struct refuse_storage {
    static_assert(Writable,
                  "leibniz: into(...) writes results through pointers to numbers the caller owns: pass a double* "
                  "(float*, long double*, not const) with room for the results, as in gradient(f, x, y).into(g) "
                  "for double g[2], or Ceres' double** jacobians to write a Jacobian per block, or a named, "
                  "non-const container that leibniz::result_storage knows (an Eigen matrix, with "
                  "<leibniz/eigen.hpp>); for a std::array or std::vector pass its data(), or a std::span of it, whose "
                  "size is checked");
    using type = void;
};

// ---- functions that complex numbers do not have ---------------------------------------------

enum class complex_refusal {
    unordered,        // the function compares numbers: relu, max, min, sign, heaviside, floor, ceil, round, trunc
    not_holomorphic,  // abs's derivative: |z| has no complex derivative
    not_in_std,       // erf, erfc, lgamma, tgamma, digamma, trigamma: no complex version in the standard library
    comparison,       // a condition: x > 0_c, select, clamp
};
/// Rule's value (or derivative) called with a complex number, which it is not defined for
/// (rules.hpp); returns a number of the argument's type.
template <complex_refusal Why, class Rule, class Complex> constexpr auto refuse_complex(Complex const&) {
    static_assert(Why != complex_refusal::unordered,
                  "leibniz: relu, max, min, sign, heaviside, floor, ceil, round and trunc compare numbers (x > 0, "
                  "a < b) and complex numbers "
                  "are not ordered, so these functions are not defined for std::complex (the function is "
                  "named in the instantiation): bind real numbers (float, double, long double) to evaluate "
                  "or differentiate an expression that uses them");
    static_assert(Why != complex_refusal::not_holomorphic,
                  "leibniz: abs of a complex number, |z|, has no complex derivative (it is not holomorphic), so "
                  "the gradient of an expression that uses abs cannot be taken with std::complex bindings: bind "
                  "real numbers (float, double, long double), or evaluate abs without differentiating it");
    static_assert(Why != complex_refusal::not_in_std,
                  "leibniz: erf, erfc, lgamma, tgamma, digamma and trigamma are not defined for std::complex (the "
                  "C++ standard library has no complex error or gamma function; the function is named in the "
                  "instantiation): bind real numbers (float, double, long double) to an expression that uses them");
    static_assert(Why != complex_refusal::comparison,
                  "leibniz: a condition (x > 0_c, x <= y, as in select and clamp) compares numbers and complex "
                  "numbers are not ordered: bind real numbers (float, double, long double) to evaluate or "
                  "differentiate an expression with a branch");
    return Complex{};
}

// ---- rationals --------------------------------------------------------------------------------

/// A compile-time rational of the canonical form that does not fit intmax_t (canonical.hpp's
/// plans, which compute with rational.hpp's *_or_flag instead of failing).
template <bool Overflowed> struct refuse_rational_overflow {
    static_assert(!Overflowed,
                  "leibniz: exact rational arithmetic overflowed: folding the expression's compile-time "
                  "constants (3_c, c<N, D>, exponents) gives a numerator or denominator beyond std::intmax_t; "
                  "write such a number as a plain double, as in 1e30 * x, which the expression keeps as a "
                  "runtime number");
    using type = void;
};

/// 0_c^R for a negative R, a division by an exact zero: 1_c / 0_c, x / 0_c, pow(0_c, -1_c), or
/// a denominator that cancelled to 0_c (canonical.hpp's make_power).
template <bool Negative> struct refuse_division_by_exact_zero {
    static_assert(!Negative,
                  "leibniz: division by an exact zero (1_c / 0_c, x / 0_c, pow(0_c, -1_c), or a "
                  "denominator that cancelled to 0_c, such as x - x): the result is not a number; "
                  "divide by a plain number (x / 0.0 is an IEEE infinity) if that is what you mean");
    using type = void;
};

/// The value of a rational folded at compile time (c<N, D>, r^n in canonical.hpp), refused
/// with a sentence when it overflowed.
template <folded_rational Folded> struct checked_fold {
    using overflow_refused = typename refuse_rational_overflow<Folded.overflowed>::type;
    static constexpr rational value = Folded.value;
};

/// c<N, D> with D = 0 (expression.hpp); value is the denominator to use instead, so that no
/// second error follows.
template <std::intmax_t D> struct nonzero_denominator {
    static_assert(D != 0,
                  "leibniz::c<N, D>: the denominator D is 0, and N/0 is not a rational number: write a "
                  "nonzero denominator, as in c<1, 3>; for infinity use a double");
    static constexpr std::intmax_t value = D == 0 ? 1 : D;
};

// ---- branches ---------------------------------------------------------------------------------

/// select(c, a, b) whose c is not a condition (select.hpp); returns a number.
template <class C> constexpr auto refuse_select_condition() {
    static_assert(sizeof(C) == 0,
                  "leibniz::select(c, a, b): the first argument must be a condition, a comparison such as "
                  "x > 0_c, x <= y or x < 0.5 (joined by &&, || and !), and this one is not: an expression is a "
                  "number, not a condition, and a bool is decided once, where the expression is built, not at "
                  "each evaluation (write the comparison itself: select(x > 0_c, a, b))");
    return 0.0;
}

/// d, gradient, value_and_gradient, hessian or outputs of a condition (derivative.hpp, gradient.hpp).
/// What d, gradient, value_and_gradient, jacobian, value_and_jacobian and hessian refuse, worded
/// once. Call is the function, spelled in the refusal's type (the compiler's "required from"
/// line names differentiation_refused<"hessian", ...>); the sentences name what to write.
enum class differentiation_misuse {
    none,
    plain_number,
    not_an_expression,
    not_outputs,
    no_variables,
    not_variables,
    d_not_variable
};
template <fixed_string Call, differentiation_misuse Why> struct differentiation_refused {
    // A plain number is refused rather than differentiated to 0: more often than an expression
    // whose variables cancelled (1.5 + sin(x - x) is the double 1.5), it is a value passed by
    // mistake (d(f(x = 2.0), x)), whose derivative 0 would be a silently wrong answer.
    static_assert(
        Why != differentiation_misuse::plain_number,
        "leibniz (d, gradient, value_and_gradient, jacobian, hessian): f is a plain number, not an expression: "
        "either a value such as f(x = 2.0) passed by mistake, or an expression whose variables cancelled "
        "(1.5 + sin(x - x) is the double 1.5), whose derivatives are 0; generic code can test "
        "leibniz::Expression<decltype(f)> first");
    static_assert(
        Why != differentiation_misuse::not_an_expression,
        "leibniz (d, gradient, value_and_gradient, jacobian, hessian): f must be a leibniz expression built from "
        "variables; for a generic lambda, call it on the variables first: gradient(f(x, y), x, y)");
    static_assert(
        Why != differentiation_misuse::not_outputs,
        "leibniz::jacobian(outputs(f, g), x, ...): pass the functions as outputs(f, g, ...) (or one expression)");
    static_assert(
        Why != differentiation_misuse::no_variables,
        "leibniz (d, gradient, value_and_gradient, jacobian, hessian): name the variables to differentiate by, "
        "as in gradient(f, x, y), d(f, x), or a family: gradient(f, w) for var_array<\"w\", N> w");
    static_assert(Why != differentiation_misuse::not_variables,
                  "leibniz (gradient, value_and_gradient, jacobian, hessian): differentiate by variables (var<\"x\">, "
                  "w[3_c]) or families (var_array<\"w\", N>), not by an expression or a number; to differentiate by an "
                  "expression, give it a variable of its own");
    static_assert(Why != differentiation_misuse::d_not_variable,
                  "leibniz::d(f, x): differentiate by a variable (var<\"x\">, or w[3_c] of a family), not by an "
                  "expression, a number or a whole family (gradient(f, w) takes a family); to differentiate by an "
                  "expression, give it a variable of its own");
    static constexpr bool value = true;
};
// d and hessian of a user's rule (function.hpp) need its derivative as an expression.
template <bool Symbolic, bool Static> struct refuse_numeric_derivative {
    static_assert(Symbolic,
                  "leibniz::d: a function's derivative is computed on numbers only (its rule's derivative or "
                  "partials cannot be called with expressions), so d and hessian cannot give it as an "
                  "expression; use gradient, jacobian or the tape, which call it with numbers, or write the "
                  "derivative with leibniz's functions (template <class X, class Y> ... ) to have it in d too");
    static_assert(!Symbolic || Static,
                  "leibniz::d: a function's derivative, called with expressions, holds a runtime "
                  "number (such as 0.5 * x), whose value its type cannot carry into d; write exact "
                  "constants (0.5_c * x, c<1, 3>) in derivatives");
    using type = void;
};

template <bool IsCondition> struct refuse_differentiating_a_condition {
    static_assert(!IsCondition,
                  "leibniz: a condition (x > 0_c, c1 && c2) is not a number to differentiate: d, gradient, jacobian "
                  "and hessian take expressions, and a condition's derivative would be 0 wherever it is defined; "
                  "differentiate select(condition, a, b), whose derivative is select(condition, a', b')");
    using type = void;
};

// ---- the runtime tape -------------------------------------------------------------------------

/// The first argument of type Tape (a tape::var), what a refused call returns so that the
/// refusal is its only error.
template <class Tape, class First, class... Rest>
constexpr Tape const& tape_operand_of(First const& first, Rest const&... rest) {
    if constexpr (std::is_same_v<First, Tape>) return first;
    else return tape_operand_of<Tape>(rest...);
}

/// A tape::var combined with a symbolic expression (tape/operators.hpp, detail/apply.hpp);
/// returns the tape operand.
template <class Tape, class... Args> constexpr auto refuse_tape_with_expression(Args const&... args) {
    static_assert(sizeof...(Args) == 0 && sizeof...(Args) != 0,
                  "leibniz::tape: a tape::var cannot be combined with a symbolic expression such as var<\"x\">: "
                  "the tape records numbers as they are computed, while an expression is a type; evaluate the "
                  "expression first, e(x = 1.0), or write the function generically and call it either with "
                  "tape::vars or with var<\"x\"> variables");
    return tape_operand_of<Tape>(args...);
}

/// tape::gradient(y, xs...) with an x that is not a tape::var (tape/gradient.hpp).
template <class... Xs> constexpr auto refuse_tape_gradient_input() {
    static_assert(sizeof...(Xs) == 0 && sizeof...(Xs) != 0,
                  "leibniz::tape::gradient(y, a, b, ...): differentiate by tape::vars, or by a "
                  "std::array<tape::var, N>, recorded in y's tape::scope; a plain number is not an input of the "
                  "recording: make it one, tape::var a = 2.0, and compute y from a");
    return std::array<double, sizeof...(Xs)>{};
}

}  // namespace leibniz::detail
