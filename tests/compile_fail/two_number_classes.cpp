// Lanes and a dual-number class bound in one call: no common number type; refused with a
// sentence (apply.hpp's widen_by), not a wall of simd operator errors.
// expect-error: two different number classes meet in one computation
#include <experimental/simd>

#include <leibniz/leibniz.hpp>

#include "../dual_number.hpp"

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    constexpr var<"y"> y;
    auto const value = (x * y)(x = std::experimental::native_simd<double>(1.0), y = user::dual{2.0, 1.0});
    return static_cast<int>(value[0]);
}
