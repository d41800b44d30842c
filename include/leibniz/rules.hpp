#pragma once
// The rule table: every elementary function written down once. Each rule holds
//   name           how it prints (and its place in the canonical order)
//   value(x...)    its value on numbers (float, double, long double, std::complex)
//   derivative(x, y) / partials(a, b, y)
//                  its local derivative, given the argument(s) and y = value(...)
// Rules are written generically: called with expressions they return the derivative as an
// expression (the symbolic engine), called with numbers they return numbers (the compile-time
// reverse sweep and the runtime tape). Constants are exact (1_c), so no engine rounds them.
// exact(r) gives f(r) where it is rational, for the simplifier (sin 0 = 0);
// derivative_can_be_infinite, where the local derivative can be infinite or NaN at a finite
// argument (log'(0)), makes the reverse sweep give 0, as the tape does, where the adjoint is 0.
//
// The table is written in rooms of one kind of function each (rules/); gamma.hpp adds lgamma,
// tgamma and digamma.
#include "rules/activations.hpp"
#include "rules/error_functions.hpp"
#include "rules/exponential.hpp"
#include "rules/hyperbolic.hpp"
#include "rules/steps.hpp"
#include "rules/trigonometric.hpp"
#include "rules/two_arguments.hpp"
