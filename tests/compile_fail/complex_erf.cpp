// erf of a complex number: the standard library has none; refused with a sentence.
// expect-error: erf, erfc, lgamma, tgamma, digamma and trigamma are not defined for std::complex
#include <complex>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto value = erf(x)(x = std::complex<double>(1.0, 2.0));
    (void)value;
}
