#pragma once
// A string usable as a template argument: var<"x"> carries its name in its type.
#include <cstddef>
#include <string_view>

namespace leibniz::detail {

template <std::size_t N> struct fixed_string {
    char chars[N]{};  // including the terminating '\0'

    constexpr fixed_string(char const (&text)[N]) noexcept {
        for (std::size_t i = 0; i < N; ++i) chars[i] = text[i];
    }
    constexpr std::string_view view() const noexcept { return {chars, N - 1}; }
    static constexpr std::size_t size() noexcept { return N - 1; }
};

}  // namespace leibniz::detail
