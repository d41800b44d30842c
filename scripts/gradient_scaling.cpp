// Driver for scripts/gradient_scaling.sh: the cost of the gradient of x0 x1 ... x(n-1) by one
// forward and one reverse sweep, against n separate symbolic partials d(f, x_i), each
// evaluated on its own. Run under callgrind, which counts the instructions executed inside
// the functions named measured_* (the loop repeats the work; the script divides).
//     gradient_scaling <n: 4, 8, 16 or 32> <gradient | partials | harness>
#include <array>
#include <cstddef>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <type_traits>
#include <utility>

#include <leibniz/leibniz.hpp>

namespace {
using namespace leibniz;

constexpr int repetitions = 1000;
template <std::size_t K> constexpr std::integral_constant<std::size_t, K> at{};

template <std::size_t N> constexpr var_array<"x", N> x{};
template <std::size_t N> constexpr auto product_of_all = []<std::size_t... I>(std::index_sequence<I...>) {
    return (x<N>[at<I>] * ...);
}
(std::make_index_sequence<N>{});

volatile double input_seed = 1.0001;  // volatile: the compiler cannot fold the work away
volatile double sink;

template <std::size_t N> std::array<double, N> inputs() {
    std::array<double, N> values{};
    for (std::size_t i = 0; i < N; ++i) values[i] = input_seed + 0.001 * static_cast<double>(i);
    return values;
}

template <std::size_t N> [[gnu::noinline]] void measured_gradient() {
    for (int r = 0; r < repetitions; ++r) {
        auto const values = inputs<N>();
        auto const g = gradient(product_of_all<N>, x<N>)(x<N> = values);
        double total = 0;
        for (double partial : g) total += partial;
        sink = total;
    }
}

// One partial, compiled on its own: inlined side by side, the compiler would share the
// partials' common prefix products, and the baseline would no longer be n separate partials.
template <std::size_t N, std::size_t I> [[gnu::noinline]] double symbolic_partial(std::array<double, N> const& values) {
    return d(product_of_all<N>, x<N>[at<I>])(x<N> = values);
}

template <std::size_t N> [[gnu::noinline]] void measured_partials() {
    for (int r = 0; r < repetitions; ++r) {
        auto const values = inputs<N>();
        auto const g = [&]<std::size_t... I>(std::index_sequence<I...>) {
            return std::array<double, N>{symbolic_partial<N, I>(values)...};
        }
        (std::make_index_sequence<N>{});
        double total = 0;
        for (double partial : g) total += partial;
        sink = total;
    }
}

// The harness alone (inputs, the sum of the results, the store): subtracted by the script.
template <std::size_t N> [[gnu::noinline]] void measured_harness() {
    for (int r = 0; r < repetitions; ++r) {
        auto const values = inputs<N>();
        double total = 0;
        for (double value : values) total += value;
        sink = total;
    }
}

template <std::size_t N> void run(char const* what) {
    if (std::strcmp(what, "gradient") == 0) measured_gradient<N>();
    else if (std::strcmp(what, "partials") == 0) measured_partials<N>();
    else measured_harness<N>();
    // the two ways agree: a measurement of wrong code would be worthless
    auto const values = inputs<N>();
    auto const g = gradient(product_of_all<N>, x<N>)(x<N> = values);
    double const last = d(product_of_all<N>, x<N>[at<N - 1>])(x<N> = values);
    if (g[N - 1] != last) {
        std::fprintf(stderr, "gradient_scaling: gradient and symbolic partial disagree: %.17g %.17g\n", g[N - 1], last);
        std::exit(1);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: gradient_scaling <4|8|16|32> <gradient|partials|harness>\n");
        return 2;
    }
    int const n = std::atoi(argv[1]);
    switch (n) {
        case 4:
            run<4>(argv[2]);
            break;
        case 8:
            run<8>(argv[2]);
            break;
        case 16:
            run<16>(argv[2]);
            break;
        case 32:
            run<32>(argv[2]);
            break;
        default:
            std::fprintf(stderr, "gradient_scaling: n must be 4, 8, 16 or 32\n");
            return 2;
    }
    std::printf("repetitions %d\n", repetitions);
}
