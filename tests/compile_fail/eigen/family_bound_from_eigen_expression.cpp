// A family bound from an Eigen expression (a + b), which has no numbers in memory to read.
// expect-error: a family is bound from an Eigen vector whose numbers lie one after another in memory
#include <Eigen/Core>

#include <leibniz/eigen.hpp>
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var_array<"w", 3> w;
    Eigen::Vector3d const a(1.0, 2.0, 3.0), b(4.0, 5.0, 6.0);
    return static_cast<int>((w[0_c] * w[2_c])(w = a + b));
}
