// relu of a complex number: complex numbers are not ordered; refused with a sentence naming the
// functions that compare, instead of "no match for operator>" inside rules.hpp.
// expect-error: relu, max, min, sign, heaviside, floor, ceil, round and trunc compare numbers
// expect-error: relu_fn
#include <complex>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto value = (relu(x) * x)(x = std::complex<double>(1.0, 2.0));
    (void)value;
}
