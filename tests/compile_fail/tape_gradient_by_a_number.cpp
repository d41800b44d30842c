// tape::gradient(y, 2.0): a number is not an input of the recording; refused with a sentence.
// expect-error: leibniz::tape::gradient\(y, a, b, \.\.\.\): differentiate by tape::vars
#include <leibniz/leibniz.hpp>

int main() {
    leibniz::tape::scope recording;
    leibniz::tape::var a = 1.0;
    auto y = a * a;
    auto g = leibniz::tape::gradient(y, 2.0);
    (void)g;
}
