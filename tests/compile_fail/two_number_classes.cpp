// Lanes and a dual-number class bound in one call: no common number type; refused with a
// sentence (apply.hpp's widen_by), not a wall of simd operator errors.
// expect-error: two different number classes meet in one computation
#include <experimental/simd>

#include <leibniz/leibniz.hpp>

namespace user {
struct dual {
    double value = 0.0, tangent = 0.0;
    constexpr dual() = default;
    constexpr dual(double v, double t = 0.0) : value(v), tangent(t) {}
    constexpr dual& operator+=(dual const& b) {
        value += b.value;
        tangent += b.tangent;
        return *this;
    }
};
constexpr dual operator+(dual const& a, dual const& b) { return {a.value + b.value, a.tangent + b.tangent}; }
constexpr dual operator-(dual const& a, dual const& b) { return {a.value - b.value, a.tangent - b.tangent}; }
constexpr dual operator-(dual const& a) { return {-a.value, -a.tangent}; }
constexpr dual operator*(dual const& a, dual const& b) {
    return {a.value * b.value, a.tangent * b.value + a.value * b.tangent};
}
constexpr dual operator/(dual const& a, dual const& b) { return {a.value / b.value, 0.0}; }
}  // namespace user

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    constexpr var<"y"> y;
    auto const value = (x * y)(x = std::experimental::native_simd<double>(1.0), y = user::dual{2.0, 1.0});
    return static_cast<int>(value[0]);
}
