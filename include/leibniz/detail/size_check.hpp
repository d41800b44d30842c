#pragma once
// A family bound from numbers whose count is known only at run time (a std::vector, a std::span
// of dynamic extent) checks the count where the binding is made, and throws on a mismatch:
// evaluating would otherwise read past the end, or leave the family's last members unread.
// The throw is out of line and marked cold, so the check on the hot path is one compare.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

namespace leibniz::detail {

[[noreturn, gnu::cold, gnu::noinline]] inline void throw_family_size_mismatch(std::string_view family, std::size_t size,
                                                                              std::size_t given,
                                                                              std::string_view from) {
    std::string const name(family), n = std::to_string(size);
    throw std::invalid_argument("leibniz: the family " + name + " (var_array<\"" + name + "\", " + n +
                                ">) is bound from a " + std::string(from) + " of " + std::to_string(given) +
                                " values, and it needs exactly " + n + ": bind " + n + " values, one per member " +
                                name + "[0] ... " + name + "[" + std::to_string(size - 1) + "]");
}

/// Throws std::invalid_argument, naming the family and both counts, unless given == size.
constexpr void check_family_size(std::string_view family, std::size_t size, std::size_t given, std::string_view from) {
    if (given != size) throw_family_size_mismatch(family, size, given, from);
}

}  // namespace leibniz::detail
