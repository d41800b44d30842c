// w = ptr: a pointer does not carry a length; refused with a sentence naming view<N>(ptr).
// expect-error: cannot be bound from a bare pointer
// expect-error: write w = leibniz::view<N>\(ptr\)
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var_array<"w", 2> w;
    double values[2] = {1.0, 2.0};
    double const* ptr = values;
    return static_cast<int>((w[0_c] * w[1_c])(w = ptr));
}
