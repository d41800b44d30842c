// w = 1.0: a family is bound from N numbers, never from one; the sentence lists what binds it.
// expect-error: a family var_array<"w", N> is bound from N numbers
// expect-error: w = leibniz::view<N>\(ptr\)
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var_array<"w", 2> w;
    return static_cast<int>((w[0_c] * w[1_c])(w = 1.0));
}
