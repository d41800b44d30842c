// A gradient computed in lanes written into(double*): plain-number storage cannot hold lanes;
// refused with a sentence that says where the results are.
// expect-error: into\(...\) writes plain numbers
#include <experimental/simd>

#include <leibniz/leibniz.hpp>

int main() {
    using namespace leibniz;
    using lanes = std::experimental::native_simd<double>;
    constexpr var_array<"w", 2> w;
    double out[2];
    auto const g = gradient(w[0_c] * w[1_c], w).into(out);
    g(w = std::array{lanes(1.0), lanes(2.0)});
    return static_cast<int>(out[0]);
}
