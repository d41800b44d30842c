// d(f, 2.0) is refused with the same sentence: a number is not a variable.
// expect-error: differentiate by a variable
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto wrong = d(x * x, 2.0);
    (void)wrong;
}
