// select's first argument must be a condition: an expression (a number) or a bool (decided
// once, where the expression is built) is refused with a sentence, instead of a wrong branch
// or "no matching function".
// expect-error: leibniz::select\(c, a, b\): the first argument must be a condition
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto wrong = select(x, x * x, -x);
    (void)wrong;
}
