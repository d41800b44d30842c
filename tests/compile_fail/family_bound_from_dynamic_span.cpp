// w = std::span<double const>(v): a span of dynamic extent does not say its size in its type;
// refused with the same sentence as a std::vector.
// expect-error: a family var_array<"w", N> is bound from N numbers whose count is known at compile time
// expect-error: a std::span of dynamic extent does not say its size in its type
#include <span>
#include <vector>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var_array<"w", 2> w;
    std::vector<double> values{1.0, 2.0};
    return static_cast<int>((w[0_c] * w[1_c])(w = std::span<double const>(values)));
}
