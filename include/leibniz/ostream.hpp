#pragma once
// os << e prints to_string(e). Its own header, so the core does not pull in <ostream>.
#include <ostream>

#include "print.hpp"

namespace leibniz {

/// Writes the infix text of an expression, as to_string does.
template <Expression E> std::ostream& operator<<(std::ostream& os, E const& e) { return os << to_string(e); }

}  // namespace leibniz
