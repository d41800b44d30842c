// into(...) through a pointer to const: the results could not be written.
// expect-error: into\(...\) writes results through pointers to numbers the caller owns
#include <leibniz/leibniz.hpp>

constexpr leibniz::var<"x"> x;

int main() {
    double const storage[1] = {0.0};
    leibniz::gradient(x * x, x).into(storage)(x = 2.0);
}
