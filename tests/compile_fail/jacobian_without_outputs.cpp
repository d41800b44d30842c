// jacobian of something that is neither an expression nor outputs(f, g, ...)
#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<"x"> x;
    auto j = leibniz::jacobian(2.0, x);
    (void)j;
}
// expect-error: leibniz::jacobian\(outputs\(f, g\), x, \.\.\.\): pass the functions as outputs\(f, g, \.\.\.\)
