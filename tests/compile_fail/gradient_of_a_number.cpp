// gradient(number, x) is refused like d(number, x): a value passed by mistake, or an
// expression whose variables cancelled and folded to a plain number.
// expect-error: f is a plain number, not an expression
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    double const value = (x * x)(x = 2.0);
    auto wrong = gradient(value, x);
    (void)wrong;
}
