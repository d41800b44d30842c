// A function of a tape::var and a symbolic variable (atan2, found for both by argument-dependent
// lookup in leibniz's one front-end): the two engines do not mix; refused with a sentence.
// expect-error: a tape::var cannot be combined with a symbolic expression
#include <leibniz/leibniz.hpp>

int main() {
    leibniz::tape::scope recording;
    leibniz::tape::var a = 1.0;
    constexpr leibniz::var<"x"> x;
    auto y = atan2(a, x);
    (void)y;
}
