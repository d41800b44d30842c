// A tape::var times a symbolic variable: the two engines do not mix; refused with a sentence.
// expect-error: a tape::var cannot be combined with a symbolic expression
#include <leibniz/leibniz.hpp>

int main() {
    leibniz::tape::scope recording;
    leibniz::tape::var a = 1.0;
    constexpr leibniz::var<"x"> x;
    auto y = a * x;
    (void)y;
}
