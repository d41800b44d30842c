// hessian(f, 1.0): a number is not something to differentiate by.
#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<"x"> x;
    auto h = leibniz::hessian(x * x, 1.0);
    (void)h;
}
// expect-error: differentiate by variables
