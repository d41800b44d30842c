// A family of 5 bound from an array of 4.
#include <array>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz::literals;
    constexpr leibniz::var_array<"w", 5> w;
    double value = (w[0_c] * 2_c)(w = std::array<double, 4>{1.0, 2.0, 3.0, 4.0});
    (void)value;
}
// expect-error: leibniz::var_array<.*N>: bind the family from an array of exactly N values
