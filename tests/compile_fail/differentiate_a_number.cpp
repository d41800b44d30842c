// d(number, x) is refused, with what probably happened: a value passed by mistake, or an
// expression whose variables cancelled and folded to a plain number.
// expect-error: f is a plain number, not an expression
// expect-error: leibniz::Expression<decltype\(f\)>
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto folded = 1.5 + sin(x - x);  // sin(0) is exactly 0: the double 1.5
    auto wrong = d(folded, x);
    (void)wrong;
}
