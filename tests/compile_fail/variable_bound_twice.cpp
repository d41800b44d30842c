// f(x = 1.0, x = 2.0): a variable bound twice in one call is refused, naming the variable.
// expect-error: one call binds the same variable twice
// expect-error: variable_is_bound_twice<'x'>
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    return static_cast<int>((x * 1_c)(x = 1.0, x = 2.0));
}
