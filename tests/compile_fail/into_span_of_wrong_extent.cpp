// A 1 x 2 gradient written into a std::span of static extent 3: refused at compile time.
// expect-error: into\(s\) with a std::span of static extent: the extent must be the result's count of numbers
#include <span>

#include <leibniz/leibniz.hpp>

constexpr leibniz::var<"x"> x;
constexpr leibniz::var<"y"> y;

int main() {
    double g[3] = {};
    leibniz::gradient(x * y, x, y).into(std::span<double, 3>(g))(x = 1.0, y = 2.0);
    return static_cast<int>(g[0]);
}
