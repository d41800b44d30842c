// leibniz::view(ptr) with no length: the length is what makes a pointer bindable.
// expect-error: leibniz::view<N>\(ptr\): give the number of values the pointer points to
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var_array<"w", 2> w;
    double values[2] = {1.0, 2.0};
    return static_cast<int>((w[0_c] * w[1_c])(w = view(values + 0)));
}
