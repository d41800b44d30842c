#pragma once
// leibniz::view<N>(ptr): N numbers at ptr, as a std::span of static extent, so that a family is
// bound from what a caller holds (Ceres' double const* const* parameters, a C array's data)
// without copying: w = view<9>(parameters[0]). The count is part of the span's type, and the
// family checks it at compile time; a bare pointer is refused (var_array's operator=).
#include <cstddef>
#include <span>
#include <stdexcept>

#include "detail/refusals.hpp"

namespace leibniz {

namespace detail {
[[noreturn, gnu::cold, gnu::noinline]] inline void throw_null_view() {
    throw std::invalid_argument(
        "leibniz::view<N>(ptr): ptr is null, so there are no values to bind; pass a pointer "
        "to N numbers");
}
}  // namespace detail

/// The N values at ptr, not copied: std::span<T, N>(ptr, N). Throws std::invalid_argument when
/// ptr is null.            f(w = leibniz::view<9>(parameters[0]), x = 1.0)
template <std::size_t N = 0, class T> constexpr std::span<T, N == 0 ? std::dynamic_extent : N> view(T* ptr) {
    static_cast<void>(detail::refuse_view_without_length<N>{});
    if (ptr == nullptr) detail::throw_null_view();
    return std::span < T, N == 0 ? std::dynamic_extent : N > (ptr, N);
}

}  // namespace leibniz
