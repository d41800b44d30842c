// abs evaluates on complex numbers (|z|), but has no complex derivative: its gradient with a
// complex binding is refused with a sentence.
// expect-error: abs of a complex number, \|z\|, has no complex derivative
#include <complex>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto g = gradient(abs(x), x)(x = std::complex<double>(1.0, 2.0));
    (void)g;
}
