// w[i + 1] with a plain 1 is a run-time number; the sentence says to write i + 1_c.
// expect-error: leibniz::var_array: index a family with a compile-time index
// expect-error: w\[i \+ 1_c\]
#include <leibniz/leibniz.hpp>

constexpr leibniz::var_array<"w", 5> w;

int main() {
    auto differences = leibniz::sum<4>([](auto i) { return w[i + 1] - w[i]; });
    (void)differences;
}
