// A family of 3 bound from an Eigen::Vector4d: the size is fixed in both types, so refused at compile time.
// expect-error: bind the family from a container of exactly N values \(an Eigen vector of fixed size N
#include <Eigen/Core>

#include <leibniz/eigen.hpp>
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var_array<"w", 3> w;
    Eigen::Vector4d const v(1.0, 2.0, 3.0, 4.0);
    return static_cast<int>((w[0_c] * w[2_c])(w = v));
}
