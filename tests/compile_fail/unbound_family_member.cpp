// An unbound family member is named with its index: w[2], not w.
// expect-error: needs a value for every variable
// expect-error: variable_is_not_bound<'w', '\[', '2', '\]'>
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var_array<"w", 3> w;
    constexpr var<"x"> x;
    return static_cast<int>((w[2_c] * x)(x = 1.0));
}
