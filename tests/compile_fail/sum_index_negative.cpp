// w[i - 1_c] at i = 0: a negative index, refused where the arithmetic is written.
// expect-error: index arithmetic gives a negative index
#include <leibniz/leibniz.hpp>

constexpr leibniz::var_array<"w", 5> w;

int main() {
    using namespace leibniz::literals;
    auto differences = leibniz::sum<5>([](auto i) { return w[i] - w[i - 1_c]; });
    (void)differences;
}
