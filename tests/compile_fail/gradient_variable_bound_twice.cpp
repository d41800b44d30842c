// The compile-time gradients check their bindings as evaluation does: y bound twice is refused.
// expect-error: one call binds the same variable twice
// expect-error: variable_is_bound_twice<'y'>
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    constexpr var<"y"> y;
    auto g = hessian(x * y, x, y)(x = 1.0, y = 2.0, y = 3.0);
    (void)g;
}
