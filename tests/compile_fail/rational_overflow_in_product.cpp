// A product whose exact rational coefficient no longer fits std::intmax_t: refused with the same
// sentence as a sum.
// expect-error: leibniz: exact rational arithmetic overflowed
#include <cstdint>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto f = c<INTMAX_MAX> * x * c<2>;
    (void)f;
}
