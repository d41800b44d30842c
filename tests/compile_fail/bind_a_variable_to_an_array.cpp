// x = std::array<double, 1>{}: one variable takes one number; the sentence points to families.
// expect-error: a variable is bound to a number
// expect-error: for many values declare a family, var_array<"w", N> w
#include <array>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    return static_cast<int>((x * x)(x = std::array<double, 1>{}));
}
