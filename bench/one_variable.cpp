// Problem 1: the derivative of a function of one variable, at one point: sin(x^2) and the
// chain-rule article's examples e^(x^2), ln(sin x), (3x^2 + 7)^10, e^(-x^2/2), x^x, sigmoid(x).
#include "common.hpp"

namespace {
using bench::let;
using bench::number;

struct sin_x2 {
    static constexpr std::size_t n = 1, m = 0;
    static constexpr std::array<double, 1> x{0.7};
    static constexpr std::array<double, 0> data{};
    template <class T> auto operator()(T const& x) const {
        using std::sin;
        return let<T>(sin(x * x));
    }
    static std::array<double, 1> hand(std::array<double, 1> const& in, std::array<double, 0> const&) {
        double const x = in[0];
        return {2 * x * std::cos(x * x)};
    }
};

struct exp_x2 {
    static constexpr std::size_t n = 1, m = 0;
    static constexpr std::array<double, 1> x{0.7};
    static constexpr std::array<double, 0> data{};
    template <class T> auto operator()(T const& x) const {
        using std::exp;
        return let<T>(exp(x * x));
    }
    static std::array<double, 1> hand(std::array<double, 1> const& in, std::array<double, 0> const&) {
        double const x = in[0];
        return {2 * x * std::exp(x * x)};
    }
};

struct log_sin {
    static constexpr std::size_t n = 1, m = 0;
    static constexpr std::array<double, 1> x{0.7};
    static constexpr std::array<double, 0> data{};
    template <class T> auto operator()(T const& x) const {
        using std::log, std::sin;
        return let<T>(log(sin(x)));
    }
    static std::array<double, 1> hand(std::array<double, 1> const& in, std::array<double, 0> const&) {
        double const x = in[0];
        return {std::cos(x) / std::sin(x)};
    }
};

struct polynomial_power {  // (3x^2 + 7)^10
    static constexpr std::size_t n = 1, m = 0;
    static constexpr std::array<double, 1> x{0.7};
    static constexpr std::array<double, 0> data{};
    template <class T> auto operator()(T const& x) const {
        using std::pow;
        if constexpr (leibniz::Expression<T>) return pow(number<T, 3>() * x * x + number<T, 7>(), leibniz::c<10>);
        else return let<T>(pow(let<T>(3.0 * x * x + 7.0), 10.0));
    }
    static std::array<double, 1> hand(std::array<double, 1> const& in, std::array<double, 0> const&) {
        double const x = in[0], u = 3 * x * x + 7, u3 = u * u * u, u9 = u3 * u3 * u3;
        return {60 * x * u9};
    }
};

struct gaussian {  // e^(-x^2/2)
    static constexpr std::size_t n = 1, m = 0;
    static constexpr std::array<double, 1> x{0.7};
    static constexpr std::array<double, 0> data{};
    template <class T> auto operator()(T const& x) const {
        using std::exp;
        return let<T>(exp(-(x * x) * number<T, 1, 2>()));
    }
    static std::array<double, 1> hand(std::array<double, 1> const& in, std::array<double, 0> const&) {
        double const x = in[0];
        return {-x * std::exp(-0.5 * x * x)};
    }
};

struct x_to_the_x {
    static constexpr std::size_t n = 1, m = 0;
    static constexpr std::array<double, 1> x{0.7};
    static constexpr std::array<double, 0> data{};
    template <class T> auto operator()(T const& x) const {
        using std::pow;
        return let<T>(pow(x, x));
    }
    static std::array<double, 1> hand(std::array<double, 1> const& in, std::array<double, 0> const&) {
        double const x = in[0];
        return {std::pow(x, x) * (std::log(x) + 1)};
    }
};

struct sigmoid_of_x {
    static constexpr std::size_t n = 1, m = 0;
    static constexpr std::array<double, 1> x{0.7};
    static constexpr std::array<double, 0> data{};
    template <class T> auto operator()(T const& x) const {
        using bench::sigmoid;
        return let<T>(sigmoid(x));
    }
    static std::array<double, 1> hand(std::array<double, 1> const& in, std::array<double, 0> const&) {
        double const s = 1 / (1 + std::exp(-in[0]));
        return {s * (1 - s)};
    }
};

[[maybe_unused]] bool const registered = [] {
    bench::register_gradient_variants<sin_x2>("sin_x2");
    bench::register_gradient_variants<exp_x2>("exp_x2");
    bench::register_gradient_variants<log_sin>("log_sin");
    bench::register_gradient_variants<polynomial_power>("poly_pow10");
    bench::register_gradient_variants<gaussian>("gaussian");
    bench::register_gradient_variants<x_to_the_x>("x_pow_x");
    bench::register_gradient_variants<sigmoid_of_x>("sigmoid");
    return true;
}();

}  // namespace
