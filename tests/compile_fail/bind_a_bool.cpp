// x = true: a variable is bound to a number, and a bool is refused with a sentence (not "no
// match for operator=").
// expect-error: a variable is bound to a number: a float, double, long double, an integer or a std::complex
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    return static_cast<int>((x * x)(x = true));
}
