// jacobian of something that is neither an expression nor outputs(f, g, ...) (a plain number is
// refused with its own sentence: jacobian_of_a_number.cpp)
#include <array>

#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<"x"> x;
    auto j = leibniz::jacobian(std::array<double, 2>{}, x);
    (void)j;
}
// expect-error: leibniz::jacobian\(outputs\(f, g\), x, \.\.\.\): pass the functions as outputs\(f, g, \.\.\.\)
