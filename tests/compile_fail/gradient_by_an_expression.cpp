// gradient(f, x * y): an expression is not something to differentiate by.
#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<"x"> x;
    constexpr leibniz::var<"y"> y;
    auto g = leibniz::gradient(x * y, x * y);
    (void)g;
}
// expect-error: differentiate by variables \(var<.*>, w\[3_c\]\) or families
