// c<1, 0>: N/0 is not a rational; refused with a sentence instead of "call to non-constexpr
// function".
// expect-error: leibniz::c<N, D>: the denominator D is 0
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    auto f = c<1, 0> * x;
    (void)f;
}
