// A tape::var's compound assignment with a symbolic expression (a += x): the same refusal as
// a + x, not "no match for operator+=".
// expect-error: a tape::var cannot be combined with a symbolic expression
#include <leibniz/leibniz.hpp>

int main() {
    leibniz::tape::scope recording;
    leibniz::tape::var a = 1.0;
    constexpr leibniz::var<"x"> x;
    a += x;
}
