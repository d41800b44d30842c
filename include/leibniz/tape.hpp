#pragma once
// leibniz::tape: the runtime reverse-mode baseline, a classic operator-overloading tape (a
// Wengert list) against which the compile-time engine is checked and measured.
//
//     leibniz::tape::scope recording;          // a fresh recording on this thread
//     leibniz::tape::var a = 1.0, b = 2.0;
//     auto y = sin(a * b) + exp(a) * b;        // recorded as it runs
//     std::array<double, 2> g = leibniz::tape::gradient(y, a, b);
//
// Every local derivative is read from the rule table (rules.hpp), as the symbolic engine's are.
// Misuse (a var outside a live recording, or from another recording) throws tape::error.
#include "tape/functions.hpp"
#include "tape/gradient.hpp"
#include "tape/kernel.hpp"
#include "tape/operation.hpp"
#include "tape/operators.hpp"
#include "tape/recording.hpp"
#include "tape/select.hpp"
