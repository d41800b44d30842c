// d(f, x * y) is refused: one differentiates by a variable, and the message says what to write.
// expect-error: differentiate by a variable
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    constexpr var<"y"> y;
    auto wrong = d(sin(x * y), x * y);
    (void)wrong;
}
