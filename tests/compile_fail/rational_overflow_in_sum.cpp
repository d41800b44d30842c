// Collecting like terms whose exact coefficient no longer fits std::intmax_t is refused with a
// sentence (on Clang too, where the first line used to be "constexpr variable 'groups' must be
// initialized by a constant expression").
// expect-error: leibniz: exact rational arithmetic overflowed
#include <cstdint>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto f = c<INTMAX_MAX> * x + c<INTMAX_MAX> * x;
    (void)f;
}
