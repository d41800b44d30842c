// Evaluating an expression without binding one of its variables is refused at compile time,
// with a message that says what is missing and the variable's name in the instantiation.
// expect-error: needs a value for every variable
// expect-error: variable_is_not_bound<'y'>
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    constexpr var<"y"> y;
    return static_cast<int>((x * y)(x = 1.0));
}
