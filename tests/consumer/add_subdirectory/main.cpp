// The smallest real use of the public interface: a derivative checked at compile time
// and evaluated at run time.
#include <leibniz/leibniz.hpp>

int main() {
    constexpr leibniz::var<"x"> x;
    using namespace leibniz::literals;
    static_assert(leibniz::d(x * x, x) == 2_c * x);
    return leibniz::d(x * x, x)(x = 3.0) == 6.0 ? 0 : 1;
}
