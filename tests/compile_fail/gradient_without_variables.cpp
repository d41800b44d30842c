// gradient(f) names no variable: refused with a message saying what to write.
#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<"x"> x;
    auto g = leibniz::gradient(x * x);
    (void)g;
}
// expect-error: name the variables to differentiate by, as in gradient\(f, x, y\)
