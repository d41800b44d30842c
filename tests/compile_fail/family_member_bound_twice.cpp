// f(w = values, w[0_c] = 10.0): w[0] is bound by its family and on its own; refused, naming w[0].
// expect-error: one call binds the same variable twice
// expect-error: variable_is_bound_twice<'w', '\[', '0', '\]'>
#include <array>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var_array<"w", 3> w;
    constexpr var<"y"> y;
    return static_cast<int>((w[0_c] * y)(y = 2.0, w = std::array{1.0, 2.0, 3.0}, w[0_c] = 10.0));
}
