// 3^100 as an exact rational does not fit std::intmax_t: refused with the overflow sentence.
// expect-error: leibniz: exact rational arithmetic overflowed
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto f = pow(3_c, 100_c) * x;
    (void)f;
}
