// sum_over(data, hessian(f, a), bindings...): the kernel form sums a value or a gradient; a
// Hessian is refused with a sentence naming the form that sums it.
// expect-error: for a Jacobian or a Hessian summed over data write
#include <leibniz/leibniz.hpp>
#include <leibniz/sum_over.hpp>

#include <vector>

int main() {
    using namespace leibniz;
    constexpr var<"a"> a;
    constexpr var<"x"> x;
    std::vector<double> const data{1.0, 2.0};
    auto const h = sum_over(data, hessian(sin(a * x), a), a = 1.0, x = each_record);
    return static_cast<int>(h[0][0]);
}
