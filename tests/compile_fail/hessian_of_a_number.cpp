// hessian of a plain number (a value passed by mistake, or an expression whose variables
// cancelled) is refused with the sentence that d and gradient give, not differentiated to 0.
// expect-error: f is a plain number, not an expression
// expect-error: leibniz::Expression<decltype\(f\)>
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto f = (x * x)(x = 2.0);  // a double: the value, not the expression
    auto g = hessian(f, x);
    (void)g;
}
