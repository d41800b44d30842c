// d of a user's function whose derivative is computed on numbers only (it takes doubles):
// refused with a sentence; gradient, jacobian and the tape use it (tests/user_functions.cpp).
// expect-error: leibniz::d: a function's derivative is computed on numbers only
#include <cmath>
#include <string_view>

#include <leibniz/leibniz.hpp>

struct bessel_j0_rule {
    static constexpr std::string_view name = "J0";
    static double value(double x) { return std::cyl_bessel_j(0.0, x); }
    static double derivative(double x, double) { return -std::cyl_bessel_j(1.0, x); }
};
inline constexpr leibniz::function<bessel_j0_rule> bessel_j0{};

int main() {
    constexpr leibniz::var<"x"> x;
    auto f = leibniz::d(bessel_j0(x * x), x);
    (void)f;
}
