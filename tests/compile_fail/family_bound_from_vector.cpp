// w = std::vector<double>{...}: a family's size is part of its type, a vector's is not; refused
// with a sentence saying what to bind instead.
// expect-error: a family var_array<"w", N> is bound from N numbers whose count is known at compile time
// expect-error: copy it into a std::array<double, N> or write w = std::span<double const, N>\(v.data\(\), N\)
#include <vector>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var_array<"w", 2> w;
    return static_cast<int>((w[0_c] * w[1_c])(w = std::vector<double>{1.0, 2.0}));
}
