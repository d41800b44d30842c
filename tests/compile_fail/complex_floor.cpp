// floor of a complex number: complex numbers are not ordered, so there is no largest integer
// below one; refused with the sentence that names the functions that compare.
// expect-error: relu, max, min, sign, heaviside, floor, ceil, round and trunc compare numbers
// expect-error: floor_fn
#include <complex>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto value = (floor(x) + x)(x = std::complex<double>(1.0, 2.0));
    (void)value;
}
