// w[i + 1_c] over sum<5> in a family of 5: the last term reads w[5]; refused with both numbers.
// expect-error: leibniz::var_array: index out of range: w\[i\] needs 0 <= i < N
// expect-error: family_index_in_range<5, 5>
#include <leibniz/leibniz.hpp>

constexpr leibniz::var_array<"w", 5> w;

int main() {
    using namespace leibniz::literals;
    auto differences = leibniz::sum<5>([](auto i) { return w[i + 1_c] - w[i]; });
    (void)differences;
}
