// A denominator that cancels to an exact zero ((x - x) / (x - x)) is a division by an exact
// zero, refused with the same sentence, never folded to 0.
// expect-error: division by an exact zero
// expect-error: cancelled to 0_c
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    return static_cast<int>(((x - x) / (x - x))(x = 1.0));
}
