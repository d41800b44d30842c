// exp and log computed in the lanes (detail/lanes_math.hpp) against libm, element by element:
// within 1 ulp over wide ranges of arguments, and libm's own values at every edge (overflow,
// the subnormals, zero, negative numbers, infinities, NaN), in every lane of native lanes (2 with
// SSE2, 4 with AVX) with different arguments per lane. libstdc++'s fixed_size lanes are not
// trivially copyable, cannot be read as an array, and keep libstdc++'s exp and log.
#include <doctest/doctest.h>

#include <cmath>
#include <cstddef>
#include <experimental/simd>
#include <initializer_list>
#include <limits>
#include <type_traits>
#include <random>
#include <vector>

#include <leibniz/leibniz.hpp>

namespace {
namespace stdx = std::experimental;
using lanes4 = stdx::fixed_size_simd<double, 4>;
using native = stdx::native_simd<double>;

constexpr double inf = std::numeric_limits<double>::infinity();
constexpr double not_a_number = std::numeric_limits<double>::quiet_NaN();

// how many units in the last place a is from libm's b (0 for the same NaN, infinity or zero)
double ulps_from(double a, double b) {
    if (std::isnan(b)) return std::isnan(a) ? 0.0 : inf;
    if (a == b) return 0.0;
    if (std::isinf(a) || std::isinf(b) || std::isnan(a)) return inf;
    double const unit =
        b == 0.0 ? std::numeric_limits<double>::denorm_min() : std::nextafter(std::fabs(b), inf) - std::fabs(b);
    return std::fabs(a - b) / unit;
}

// the largest distance, in ulps, of f in lanes from libm's g over the arguments, a lane each
template <class L, class F, class G> double worst_ulps(std::vector<double> const& arguments, F f, G g) {
    double worst = 0.0;
    for (std::size_t i = 0; i + L::size() <= arguments.size(); i += L::size()) {
        L const in([&](auto k) { return arguments[i + static_cast<std::size_t>(k)]; });
        L const out = f(in);
        for (std::size_t k = 0; k < L::size(); ++k) {
            double const u = ulps_from(static_cast<double>(out[k]), g(arguments[i + k]));
            if (u > worst) worst = u;
        }
    }
    return worst;
}

std::vector<double> exp_arguments() {
    std::mt19937_64 random(2026);
    std::vector<double> xs{0.0,
                           -0.0,
                           1e-300,
                           -1e-300,
                           1.0,
                           -1.0,
                           0.5,
                           709.78,
                           709.782712893384,
                           709.7827128933841,
                           709.79,
                           710.0,
                           1e10,
                           -708.39,
                           -708.4,
                           -720.0,
                           -745.13,
                           -745.1332191019411,
                           -745.1332191019412,
                           -745.14,
                           -746.0,
                           -1e10,
                           inf,
                           -inf,
                           not_a_number,
                           88.0,
                           -88.0,
                           37.5,
                           -37.5,
                           0.34657359027997264};
    std::uniform_real_distribution<double> anywhere(-750.0, 712.0), near_zero(-1e-3, 1e-3);
    for (int i = 0; i < 60000; ++i) xs.push_back(anywhere(random));
    for (int i = 0; i < 20000; ++i) xs.push_back(near_zero(random));
    while (xs.size() % 8 != 0) xs.push_back(1.0);
    return xs;
}

std::vector<double> log_arguments() {
    std::mt19937_64 random(12);
    std::vector<double> xs{0.0,
                           -0.0,
                           std::numeric_limits<double>::denorm_min(),
                           1e-320,
                           1e-310,
                           std::numeric_limits<double>::min(),
                           1.0,
                           2.0,
                           0.5,
                           1.4142135623730951,
                           1.4142135623730954,
                           0.70710678118654746,
                           -1.0,
                           -1e-300,
                           inf,
                           -inf,
                           not_a_number,
                           std::numeric_limits<double>::max(),
                           1.0 + 1e-15,
                           1.0 - 1e-16,
                           10.0,
                           1e300};
    std::uniform_real_distribution<double> exponent(-1075.0, 1024.0), near_one(-0.5, 0.5), very_near_one(-1e-3, 1e-3);
    for (int i = 0; i < 60000; ++i) xs.push_back(std::exp2(exponent(random)));
    for (int i = 0; i < 20000; ++i) xs.push_back(1.0 + near_one(random));
    for (int i = 0; i < 20000; ++i) xs.push_back(1.0 + very_near_one(random));
    while (xs.size() % 8 != 0) xs.push_back(1.0);
    return xs;
}

struct lanes_exp {
    template <class L> L operator()(L const& x) const { return leibniz::detail::lanes_math::exp(x); }
};
struct lanes_log {
    template <class L> L operator()(L const& x) const { return leibniz::detail::lanes_math::log(x); }
};
double libm_exp(double x) { return std::exp(x); }
double libm_log(double x) { return std::log(x); }
}  // namespace

TEST_CASE("exp in lanes: within 1 ulp of libm, and libm's value at every edge") {
    static_assert(leibniz::detail::lanes_of_doubles<native>);
    static_assert(!leibniz::detail::lanes_of_doubles<double> &&
                  !leibniz::detail::lanes_of_doubles<stdx::native_simd<float>>);
    static_assert(std::is_trivially_copyable_v<lanes4> == leibniz::detail::lanes_of_doubles<lanes4>);
    auto const xs = exp_arguments();
    CHECK(worst_ulps<native>(xs, lanes_exp{}, libm_exp) <= 1.0);
    // the edges, exactly: overflow, the last subnormal, zero, infinities, NaN
    auto const exp_at = [](double a) {
        return static_cast<double>(
            leibniz::detail::lanes_math::exp(native([&](auto k) { return k == 0 ? a : 1.0; }))[0]);
    };
    CHECK(exp_at(710.0) == inf);
    CHECK(exp_at(-745.1332191019411) == std::numeric_limits<double>::denorm_min());
    CHECK(exp_at(-746.0) == 0.0);
    CHECK(exp_at(-inf) == 0.0);
    CHECK(exp_at(inf) == inf);
    CHECK(std::isnan(exp_at(not_a_number)));
    CHECK(exp_at(0.0) == 1.0);
}

TEST_CASE("log in lanes: within 1 ulp of libm, and libm's value at every edge") {
    auto const xs = log_arguments();
    CHECK(worst_ulps<native>(xs, lanes_log{}, libm_log) <= 1.0);
    auto const log_at = [](double a) {
        return static_cast<double>(
            leibniz::detail::lanes_math::log(native([&](auto k) { return k == 0 ? a : 1.0; }))[0]);
    };
    CHECK(log_at(0.0) == -inf);
    CHECK(log_at(-0.0) == -inf);
    CHECK(std::isnan(log_at(-2.0)));
    CHECK(std::isnan(log_at(not_a_number)));
    CHECK(log_at(inf) == inf);
    CHECK(log_at(1.0) == 0.0);
    CHECK(log_at(std::numeric_limits<double>::denorm_min()) == std::log(std::numeric_limits<double>::denorm_min()));
}

TEST_CASE("exp, log, sigmoid, softplus and a gradient of lanes through the rules: libm's to 1-4 ulp") {
    using namespace leibniz;
    constexpr var<"x"> x;
    constexpr std::array<double, 4> points{-800.0, -3.25, 0.0, 40.0};
    for (std::size_t start = 0; start < points.size(); start += native::size()) {
        native const at([&](auto k) { return points[(start + static_cast<std::size_t>(k)) % points.size()]; });
        native const e = exp(x)(x = at), s = sigmoid(x)(x = at), p = softplus(x)(x = at);
        native const l = log(x)(x = at * at + native(1e-3));
        auto const g = gradient(log(sigmoid(x)) + exp(x), x)(x = at);
        for (std::size_t k = 0; k < native::size(); ++k) {
            double const a = at[k];
            CHECK(ulps_from(e[k], std::exp(a)) <= 1.0);
            CHECK(ulps_from(l[k], std::log(a * a + 1e-3)) <= 1.0);
            CHECK(ulps_from(s[k], sigmoid(x)(x = a)) <= 2.0);
            CHECK(ulps_from(p[k], softplus(x)(x = a)) <= 2.0);
            CHECK(ulps_from(g[0][k], gradient(log(sigmoid(x)) + exp(x), x)(x = a)[0]) <= 4.0);
        }
    }
}
