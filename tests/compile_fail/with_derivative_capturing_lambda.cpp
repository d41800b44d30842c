// with_derivative takes lambdas without captures: the function is a type and holds no state.
// expect-error: leibniz::with_derivative: the value and the derivative are lambdas without captures
#include <leibniz/leibniz.hpp>

int main() {
    double scale = 2.0;
    auto f = leibniz::with_derivative<"scaled">([scale](auto x) { return scale * x; },
                                                [scale](auto, auto) { return scale; });
    (void)f;
}
