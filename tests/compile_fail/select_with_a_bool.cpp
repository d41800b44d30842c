// select(bool, expression, expression): the bool is decided where the expression is built, not
// at each evaluation, so it is refused with the sentence that says to write the comparison.
// expect-error: leibniz::select\(c, a, b\): the first argument must be a condition
// expect-error: a bool is decided once
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    double const limit = 0.5;
    auto wrong = select(limit > 0.0, x * x, -x);
    (void)wrong;
}
