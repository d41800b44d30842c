#pragma once
// leibniz: derivatives at compile time. One include for everything.
#include "derivative.hpp"
#include "equality.hpp"
#include "evaluate.hpp"
#include "expression.hpp"
#include "functions.hpp"
#include "literals.hpp"
#include "operators.hpp"
#include "power.hpp"
#include "rational.hpp"
#include "rules.hpp"
#include "ostream.hpp"
#include "print.hpp"
