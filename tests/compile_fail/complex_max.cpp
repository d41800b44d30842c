// max of complex numbers: refused as relu is, naming max.
// expect-error: relu, max, min, sign, heaviside, floor, ceil, round and trunc compare numbers
// expect-error: max_fn
#include <complex>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    constexpr var<"y"> y;
    auto value = max(x, y)(x = std::complex<double>(1.0, 2.0), y = std::complex<double>(2.0, 1.0));
    (void)value;
}
