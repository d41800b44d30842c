// w[i] with a run-time i cannot choose a variable.
#include <leibniz/leibniz.hpp>

int main(int argc, char**) {
    constexpr leibniz::var_array<"w", 5> w;
    auto member = w[argc];
    (void)member;
}
// expect-error: leibniz::var_array: index a family with a compile-time index, w\[3_c\]
