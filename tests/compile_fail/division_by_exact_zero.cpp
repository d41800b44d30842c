// Dividing by an exact zero is refused at compile time with a sentence, never folded to an
// infinity (1_c / 0_c), a NaN or a silent 0 (0_c / 0_c); pow(0_c, -1_c) is the same division.
// expect-error: division by an exact zero
// expect-error: divide by a plain number
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    return static_cast<int>((x / 0_c)(x = 1.0));
}
