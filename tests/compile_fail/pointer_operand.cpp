// An expression combined with a pointer is refused with a sentence, not "no match for operator*".
// expect-error: can be combined only with expressions and plain numbers
#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<"x"> x;
    double weight = 2.0;
    auto wrong = x * &weight;
    (void)wrong;
}
