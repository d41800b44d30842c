// An expression plus a string literal is refused with a sentence that names the problem.
// expect-error: this operand is not a number
#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<"x"> x;
    auto wrong = x + "1.5";
    (void)wrong;
}
