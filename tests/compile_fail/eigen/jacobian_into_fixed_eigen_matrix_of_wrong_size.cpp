// A 1 x 2 Jacobian written into an Eigen::Matrix2d: sizes fixed in both, refused at compile time.
// expect-error: into\(m\) with an Eigen matrix or vector of fixed size: its rows and columns must be the result's
#include <Eigen/Core>

#include <leibniz/eigen.hpp>
#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    constexpr var<"x"> x;
    constexpr var<"y"> y;
    Eigen::Matrix2d J;
    jacobian(x * y, x, y).into(J)(x = 1.0, y = 2.0);
    return static_cast<int>(J(0, 0));
}
