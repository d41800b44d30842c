// A named derivative function whose expression holds a plain number (the 2.5), declared
// without a value: its number would be lost, so default construction is refused.
// expect-error: this derivative function keeps plain numbers of its expression
// expect-error: initialize it from the expression
#include <leibniz/leibniz.hpp>

constexpr leibniz::var<"x"> x;
using scaled = decltype(2.5 * x * x);

int main() {
    leibniz::gradient_t<scaled, leibniz::var<"x">> g;
    return static_cast<int>(g(x = 1.0)[0]);
}
