// A kernel called with tape::vars must have every variable bound, to a tape::var or a number,
// as any evaluation does: refused with the sentence that names what is missing.
// expect-error: leibniz: evaluating an expression needs a value for every variable it uses
#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<"x"> x;
    constexpr leibniz::var<"y"> y;
    leibniz::tape::scope recording;
    leibniz::tape::var a = 1.0;
    leibniz::tape::var f = (x * y)(x = a);
    (void)f;
}
