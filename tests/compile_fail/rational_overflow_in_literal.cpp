// 1e19_c does not fit std::intmax_t exactly: refused with the overflow sentence, which says to
// write such a number as a double.
// expect-error: leibniz: exact rational arithmetic overflowed
// expect-error: write such a number as a plain double
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto f = 1e19_c * x;
    (void)f;
}
