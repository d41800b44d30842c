// A condition is not a number: its gradient (0 wherever it is defined) is refused with a
// sentence that points to select, as d(condition, x) is.
// expect-error: a condition \(x > 0_c, c1 && c2\) is not a number to differentiate
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto wrong = gradient(x > 0_c, x)(x = 1.0);
    (void)wrong;
}
