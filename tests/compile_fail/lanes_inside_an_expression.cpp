// x * lanes: a number class (here simd lanes) is a variable's value, never a plain number inside
// an expression, whose numbers are doubles; refused with a sentence that says to bind it.
// expect-error: a number class \(simd lanes, a Jet, a type of your own\) cannot be a plain number inside an expression
#include <experimental/simd>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    std::experimental::fixed_size_simd<double, 4> const lanes(2.0);
    auto const f = x * lanes;
    return static_cast<int>(f(x = 1.0)[0]);
}
