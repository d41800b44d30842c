// sum_over(data, f, theta = p, x = each_record) (sum_over.hpp, detail/hoist.hpp): the kernel's
// parameter-only subexpressions computed once, the rest per record. Each sum is checked against
// the same kernel summed record by record (sum_over(data, lambda)), against central differences,
// and the split itself (what is hoisted) against what the kernel holds.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <leibniz/leibniz.hpp>
#include <leibniz/sum_over.hpp>
#include <span>
#include <vector>

using namespace leibniz::literals;
using leibniz::each_record;

namespace {
constexpr leibniz::var<"a"> a;
constexpr leibniz::var<"b"> b;
constexpr leibniz::var<"x"> x;
constexpr leibniz::var<"y"> y;
constexpr leibniz::var_array<"theta", 6> theta;
constexpr leibniz::var_array<"p", 2> p;
struct sample {
    double x, y;
};
std::vector<sample> samples() {
    std::vector<sample> out;
    for (int i = 0; i < 40; ++i) out.push_back({0.1 * i - 2.0, std::sin(0.37 * i) + 0.2});
    return out;
}

// How many subexpressions sum_over computes once for f with Data bound per record.
template <class F, class... Data> constexpr std::size_t hoisted_count(F const&, Data const&...) {
    using namespace leibniz::detail;
    using data = concat_t<flattened_variables<Data>...>;
    return hoist_plan<graph_nodes<typename tree_of<F>::type>, data>::count;
}

// central differences of the record-by-record sum of f by the i-th of the values bound to w
template <class Sum, std::size_t N> double central_difference(Sum const& sum, std::array<double, N> at, std::size_t i) {
    double const h = 1e-6 * std::max(1.0, std::abs(at[i]));
    auto up = at, down = at;
    up[i] += h;
    down[i] -= h;
    return (sum(up) - sum(down)) / (2 * h);
}
}  // namespace

TEST_CASE("sum_over with each_record: a two-component Gaussian mixture in one dimension") {
    // theta = (alpha_0, alpha_1, mu_0, mu_1, q_0, q_1); exp(q_k) and log(exp(alpha_0) + exp(alpha_1))
    // depend on no record
    auto const component = [](auto k) {
        return exp(theta[k] + theta[k + 4_c] - 0.5_c * square(exp(theta[k + 4_c]) * (x - theta[k + 2_c])));
    };
    auto const nll = log(exp(theta[0_c]) + exp(theta[1_c])) - log(component(0_c) + component(1_c));
    // hoisted: exp(q_0), exp(q_1) and the log-sum of the weights; not -mu_k (a negated leaf costs
    // x - mu_k nothing), and not alpha_k + q_k, which the canonical form flattens into the exponent
    CHECK(hoisted_count(nll, x) == 3);
    auto const data = samples();
    std::array<double, 6> const at{0.3, -0.2, -0.5, 0.8, 0.1, -0.3};
    auto const per_point = leibniz::value_and_gradient(nll, theta);
    auto const by_record = leibniz::sum_over(data, [&](sample const& s) { return per_point(theta = at, x = s.x); });
    auto const [loss, g] = leibniz::sum_over(data, per_point, theta = at, x = each_record(&sample::x));
    CHECK(loss == doctest::Approx(by_record.value).epsilon(1e-13));
    auto const summed = [&](std::array<double, 6> const& t) {
        return leibniz::sum_over(data, [&](sample const& s) { return nll(theta = t, x = s.x); });
    };
    for (std::size_t k = 0; k < 6; ++k) {
        CHECK(g[k] == doctest::Approx(by_record.gradient[k]).epsilon(1e-12));
        CHECK(g[k] == doctest::Approx(central_difference(summed, at, k)).epsilon(1e-6));
    }
    // the gradient alone, and the value alone, the same
    auto const g_only = leibniz::sum_over(data, leibniz::gradient(nll, theta), theta = at, x = each_record(&sample::x));
    CHECK(g_only == g);
    CHECK(leibniz::sum_over(data, nll, theta = at, x = each_record(&sample::x)) == loss);
    // a projection that is any function of the record
    auto const shifted =
        leibniz::sum_over(data, per_point, theta = at, x = each_record([](sample const& s) { return s.x - 1.0; }));
    auto const shifted_by_record =
        leibniz::sum_over(data, [&](sample const& s) { return per_point(theta = at, x = s.x - 1.0); });
    CHECK(shifted.value == doctest::Approx(shifted_by_record.value).epsilon(1e-13));
    CHECK(shifted.gradient[3] == doctest::Approx(shifted_by_record.gradient[3]).epsilon(1e-12));
}

TEST_CASE("sum_over with each_record: what is hoisted, and kernels with nothing to hoist") {
    auto const data = samples();
    // nothing but leaves depends on the parameters alone: nothing is hoisted
    auto const line = square(a * x + b - y);
    CHECK(hoisted_count(line, x, y) == 0);
    auto const [loss, g] = leibniz::sum_over(data, leibniz::value_and_gradient(line, a, b), a = 2.0, b = -1.0,
                                             x = each_record(&sample::x), y = each_record(&sample::y));
    auto const by_record = leibniz::sum_over(data, [&](sample const& s) {
        return leibniz::value_and_gradient(line, a, b)(a = 2.0, b = -1.0, x = s.x, y = s.y);
    });
    CHECK(loss == doctest::Approx(by_record.value).epsilon(1e-14));
    CHECK(g[0] == doctest::Approx(by_record.gradient[0]).epsilon(1e-14));
    CHECK(g[1] == doctest::Approx(by_record.gradient[1]).epsilon(1e-14));

    // a denominator of parameters (the graph holds a^2 + 1 and b^2 for the factors 1/(a^2 + 1)
    // and b^-2), a plain number, a sum of parameters, and a whole term without data
    auto const f = 2.5 * x / (square(a) + 1_c) + y / square(b) + sin(a + b) * x * y + cos(a * b);
    CHECK(hoisted_count(f, x, y) == 4);  // 1/(a^2 + 1), b^2, sin(a + b), cos(a b)
    auto const at_a = 0.7, at_b = -1.3;
    auto const [value, grad] = leibniz::sum_over(data, leibniz::value_and_gradient(f, a, b), a = at_a, b = at_b,
                                                 x = each_record(&sample::x), y = each_record(&sample::y));
    auto const f_by_record = leibniz::sum_over(data, [&](sample const& s) {
        return leibniz::value_and_gradient(f, a, b)(a = at_a, b = at_b, x = s.x, y = s.y);
    });
    CHECK(value == doctest::Approx(f_by_record.value).epsilon(1e-13));
    CHECK(grad[0] == doctest::Approx(f_by_record.gradient[0]).epsilon(1e-12));
    CHECK(grad[1] == doctest::Approx(f_by_record.gradient[1]).epsilon(1e-12));
    auto const summed = [&](std::array<double, 2> const& ab) {
        return leibniz::sum_over(data, [&](sample const& s) { return f(a = ab[0], b = ab[1], x = s.x, y = s.y); });
    };
    CHECK(grad[0] == doctest::Approx(central_difference(summed, std::array{at_a, at_b}, 0)).epsilon(1e-6));
    CHECK(grad[1] == doctest::Approx(central_difference(summed, std::array{at_a, at_b}, 1)).epsilon(1e-6));

    // a kernel that is all parameters but for one factor, and the gradient by a per-record
    // variable (the sum of its partials at every record)
    auto const scaled = exp(a) * x;
    CHECK(hoisted_count(scaled, x) == 1);
    auto const by_x = leibniz::sum_over(data, leibniz::gradient(scaled, a, x), a = 0.5, x = each_record(&sample::x));
    double sx = 0;
    for (auto const& s : data) sx += s.x;
    CHECK(by_x[0] == doctest::Approx(std::exp(0.5) * sx));
    CHECK(by_x[1] == doctest::Approx(40 * std::exp(0.5)));

    // no records: zeros
    std::vector<sample> const none;
    auto const empty = leibniz::sum_over(none, leibniz::value_and_gradient(f, a, b), a = at_a, b = at_b,
                                         x = each_record(&sample::x), y = each_record(&sample::y));
    CHECK(empty.value == 0.0);
    CHECK(empty.gradient == std::array{0.0, 0.0});
}

TEST_CASE("sum_over with each_record: a family bound to each record, a branch on a parameter") {
    // records are arrays of two numbers, bound to the family p; the branch's condition depends on
    // the parameters alone (its arms do not)
    std::vector<std::array<double, 2>> points;
    for (int i = 0; i < 25; ++i) points.push_back({0.2 * i - 2.5, std::cos(0.5 * i)});
    auto const kernel = leibniz::select(a > 0_c, exp(a) * p[0_c] + p[1_c] * b, log(square(b) + 1_c) * p[1_c]) +
                        square(p[0_c] - sqrt(exp(b)));
    auto const per_point = leibniz::value_and_gradient(kernel, a, b);
    for (double at_a : {0.4, -0.4}) {
        auto const [value, g] = leibniz::sum_over(points, per_point, a = at_a, b = 0.9, p = each_record);
        auto const by_record = leibniz::sum_over(
            points, [&](std::array<double, 2> const& q) { return per_point(a = at_a, b = 0.9, p = q); });
        CHECK(value == doctest::Approx(by_record.value).epsilon(1e-13));
        CHECK(g[0] == doctest::Approx(by_record.gradient[0]).epsilon(1e-12));
        CHECK(g[1] == doctest::Approx(by_record.gradient[1]).epsilon(1e-12));
    }
    // a span of records works as a vector does
    auto const from_span =
        leibniz::sum_over(std::span<std::array<double, 2> const>(points), per_point, a = 0.4, b = 0.9, p = each_record);
    CHECK(from_span.value ==
          doctest::Approx(leibniz::sum_over(points, per_point, a = 0.4, b = 0.9, p = each_record).value));
}

TEST_CASE("sum_over with each_record and tape::vars: one node of the tape for the whole sum") {
    auto const data = samples();
    auto const f = 2.5 * x / (square(a) + 1_c) + y / square(b) + sin(a + b) * x * y + cos(a * b);
    leibniz::tape::scope recording;
    leibniz::tape::var const ta = 0.7, tb = -1.3;
    // the sum on the tape, with a term of its own around it
    leibniz::tape::var const loss =
        leibniz::sum_over(data, f, a = ta, b = tb, x = each_record(&sample::x), y = each_record(&sample::y)) + ta * tb;
    auto const g = leibniz::tape::gradient(loss, std::array{ta, tb});
    auto const want = leibniz::sum_over(data, leibniz::value_and_gradient(f, a, b), a = 0.7, b = -1.3,
                                        x = each_record(&sample::x), y = each_record(&sample::y));
    CHECK(loss.value() == doctest::Approx(want.value - 0.7 * 1.3));
    CHECK(g[0] == doctest::Approx(want.gradient[0] - 1.3));
    CHECK(g[1] == doctest::Approx(want.gradient[1] + 0.7));
    // the same loop on the plain tape, every operation recorded
    leibniz::tape::var plain = ta * tb;
    for (auto const& s : data)
        plain += 2.5 * s.x / (ta * ta + 1.0) + s.y / (tb * tb) + sin(ta + tb) * s.x * s.y + cos(ta * tb);
    auto const g_plain = leibniz::tape::gradient(plain, std::array{ta, tb});
    CHECK(g[0] == doctest::Approx(g_plain[0]).epsilon(1e-12));
    CHECK(g[1] == doctest::Approx(g_plain[1]).epsilon(1e-12));
}

TEST_CASE("sum_over with each_record: the edges are those of the kernel summed record by record") {
    // log(a) below an arm of a select stays in the per-record part: at a = 0, where no record
    // takes the arm, its untaken adjoint 0 is not multiplied by log'(0) = inf
    std::vector<double> const negative{-1.0, -2.0, -0.5};
    auto const branch = leibniz::select(x > 0_c, x * log(a), x);
    CHECK(hoisted_count(branch, x) == 0);
    auto const [value, g] =
        leibniz::sum_over(negative, leibniz::value_and_gradient(branch, a), a = 0.0, x = each_record);
    CHECK(value == -3.5);
    CHECK(g[0] == 0.0);
    // sqrt(a) hoisted, at a = 0 with records whose x is 0: its adjoint is 0 and the sum's partial
    // 0, as record by record (a zero adjoint meets sqrt'(0) = inf: README's numerical policy)
    std::vector<double> const zeros{0.0, 0.0};
    auto const root = sqrt(a) * x;
    CHECK(hoisted_count(root, x) == 1);
    auto const at_zero = leibniz::sum_over(zeros, leibniz::gradient(root, a), a = 0.0, x = each_record);
    auto const by_record =
        leibniz::sum_over(zeros, [&](double r) { return leibniz::gradient(root, a)(a = 0.0, x = r); });
    CHECK(at_zero[0] == by_record[0]);
    // NaN in a parameter gives NaN out
    auto const nan =
        leibniz::sum_over(zeros, leibniz::value_and_gradient(exp(a) * x + a, a), a = std::nan(""), x = each_record);
    CHECK(std::isnan(nan.value));
    CHECK(std::isnan(nan.gradient[0]));
}
