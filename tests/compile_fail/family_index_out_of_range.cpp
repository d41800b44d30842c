// w[5_c] in a family of 5: out of range, refused at compile time.
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz::literals;
    constexpr leibniz::var_array<"w", 5> w;
    auto member = w[5_c];
    (void)member;
}
// expect-error: leibniz::var_array: index out of range: w\[i\] needs 0 <= i < N
