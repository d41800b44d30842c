// x = "1.0": a string is not a number; refused with the same sentence as a bool.
// expect-error: a variable is bound to a number: a float, double, long double, an integer or a std::complex
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    return static_cast<int>((x * x)(x = "1.0"));
}
