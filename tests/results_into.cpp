// Results where callers keep them: outputs(f, g)(...) as values, value_and_jacobian, and
// gradient / jacobian / hessian written with .into(...) into row-major arrays and, as Ceres'
// double** jacobians, per block of columns with null blocks skipped.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <span>
#include <string>
#include <type_traits>
#include <vector>

#include <leibniz/leibniz.hpp>

#include "invalid_argument.hpp"

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var_array<"c", 3> cam;
constexpr var_array<"p", 2> pt;
constexpr var<"s"> s;

// two residuals over three blocks (cam: 3, pt: 2, s: 1); every partial is distinct
constexpr auto r0 = cam[0_c] * pt[0_c] + sin(cam[1_c]) * s;
constexpr auto r1 = exp(cam[2_c] * pt[1_c]) - pt[0_c] * pt[0_c] * s;
constexpr std::array<double, 3> cv{0.5, -1.25, 0.2};
constexpr std::array<double, 2> pv{1.5, -0.75};
constexpr double sv = 2.0;

// the Jacobian by hand, columns c0 c1 c2 p0 p1 s
std::array<std::array<double, 6>, 2> hand() {
    double const e = std::exp(cv[2] * pv[1]);
    return {{{pv[0], std::cos(cv[1]) * sv, 0.0, cv[0], 0.0, std::sin(cv[1])},
             {0.0, 0.0, pv[1] * e, -2.0 * pv[0] * sv, cv[2] * e, -pv[0] * pv[0]}}};
}
bool near(double a, double b) { return std::abs(a - b) <= 1e-14 * (1.0 + std::abs(b)); }
}  // namespace

TEST_CASE("outputs(f, g)(...) evaluates to the outputs' values, from one forward sweep") {
    auto const values = outputs(r0, r1)(cam = cv, pt = pv, s = sv);
    static_assert(std::is_same_v<decltype(values), std::array<double, 2> const>);
    CHECK(values[0] == r0(cam = cv, pt = pv, s = sv));
    CHECK(values[1] == r1(cam = cv, pt = pv, s = sv));
    // runtime numbers of each output keep their own slots
    constexpr var<"x"> x;
    auto const scaled = outputs(2.5 * x, x * 4.0, 1.5 + x)(x = 2.0f);
    static_assert(std::is_same_v<decltype(scaled), std::array<float, 3> const>);
    CHECK(scaled == std::array<float, 3>{5.0f, 8.0f, 3.5f});
    double out[3] = {0, 0, 0};
    outputs(2.5 * x, x * 4.0, 1.5 + x).into(out)(x = 2.0);
    CHECK(out[0] == 5.0);
    CHECK(out[1] == 8.0);
    CHECK(out[2] == 3.5);
}

TEST_CASE("value_and_jacobian: the values and the Jacobian from one call") {
    auto const [value, jac] = value_and_jacobian(outputs(r0, r1), cam, pt, s)(cam = cv, pt = pv, s = sv);
    CHECK(value == outputs(r0, r1)(cam = cv, pt = pv, s = sv));
    CHECK(jac == jacobian(outputs(r0, r1), cam, pt, s)(cam = cv, pt = pv, s = sv));
    auto const want = hand();
    for (std::size_t r = 0; r < 2; ++r)
        for (std::size_t c = 0; c < 6; ++c) CHECK(near(jac[r][c], want[r][c]));
    // one expression: one row
    auto const single = value_and_jacobian(r0, s, cam)(cam = cv, pt = pv, s = sv);
    CHECK(single.value[0] == value[0]);
    CHECK(single.jacobian[0] == std::array<double, 4>{want[0][5], want[0][0], want[0][1], want[0][2]});
}

TEST_CASE("into: gradient, value_and_gradient, jacobian and hessian into row-major arrays") {
    auto const f = r0 * r1;
    double g[6] = {};
    gradient(f, cam, pt, s).into(g)(cam = cv, pt = pv, s = sv);
    auto const want_g = gradient(f, cam, pt, s)(cam = cv, pt = pv, s = sv);
    for (std::size_t i = 0; i < 6; ++i) CHECK(g[i] == want_g[i]);

    // a named function is referred to by its writer, a temporary one moved into it (and so
    // the writer can be kept and called later)
    auto const named = gradient(f, cam, pt, s);
    static_assert(std::is_reference_v<decltype(named.into(g).function)>);
    auto const kept = gradient(f, cam, pt, s).into(g);
    static_assert(!std::is_reference_v<decltype(kept.function)>);
    for (double& gi : g) gi = 0.0;
    kept(cam = cv, pt = pv, s = sv);
    for (std::size_t i = 0; i < 6; ++i) CHECK(g[i] == want_g[i]);

    double g2[6] = {};
    double const value = value_and_gradient(f, cam, pt, s).into(g2)(cam = cv, pt = pv, s = sv);
    CHECK(value == f(cam = cv, pt = pv, s = sv));
    for (std::size_t i = 0; i < 6; ++i) CHECK(g2[i] == want_g[i]);

    double J[12];
    for (double& j : J) j = -99.0;
    jacobian(outputs(r0, r1), cam, pt, s).into(J)(cam = cv, pt = pv, s = sv);
    auto const want = hand();
    for (std::size_t r = 0; r < 2; ++r)
        for (std::size_t c = 0; c < 6; ++c) CHECK(near(J[r * 6 + c], want[r][c]));

    double residuals[2], J2[12];
    value_and_jacobian(outputs(r0, r1), cam, pt, s).into(residuals, J2)(cam = cv, pt = pv, s = sv);
    CHECK(residuals[0] == r0(cam = cv, pt = pv, s = sv));
    CHECK(residuals[1] == r1(cam = cv, pt = pv, s = sv));
    for (std::size_t i = 0; i < 12; ++i) CHECK(J2[i] == J[i]);

    // a std::span: its size checked, at compile time when static, when written when dynamic
    std::array<double, 12> storage{};
    jacobian(outputs(r0, r1), cam, pt, s).into(std::span<double, 12>(storage))(cam = cv, pt = pv, s = sv);
    for (std::size_t i = 0; i < 12; ++i) CHECK(storage[i] == J[i]);
    std::vector<double> dynamic(6, 0.0);
    gradient(f, cam, pt, s).into(std::span<double>(dynamic))(cam = cv, pt = pv, s = sv);
    for (std::size_t i = 0; i < 6; ++i) CHECK(dynamic[i] == want_g[i]);
    std::vector<double> too_small(5, -1.0);
    CHECK(leibniz_test::invalid_argument_from(
              [&] { gradient(f, cam, pt, s).into(std::span<double>(too_small))(cam = cv, pt = pv, s = sv); }) ==
          "leibniz: into(s) with a std::span of 5 numbers for a result of 6: pass a span of exactly the "
          "result's count (row-major)");
    CHECK(too_small[0] == -1.0);  // nothing written

    float H[9];
    hessian(f, cam).into(H)(cam = std::array<float, 3>{0.5f, -1.25f, 0.2f}, pt = std::array<float, 2>{1.5f, -0.75f},
                            s = 2.0f);
    auto const want_h = hessian(f, cam)(cam = std::array<float, 3>{0.5f, -1.25f, 0.2f},
                                        pt = std::array<float, 2>{1.5f, -0.75f}, s = 2.0f);
    for (std::size_t i = 0; i < 3; ++i)
        for (std::size_t j = 0; j < 3; ++j) CHECK(H[i * 3 + j] == want_h[i][j]);
}

TEST_CASE("into(double** blocks): one row-major block per target, null blocks skipped") {
    auto const want = hand();
    constexpr std::size_t offset[3] = {0, 3, 5}, width[3] = {3, 2, 1};
    // every combination of wanted blocks, as Ceres asks for them
    for (unsigned mask = 0; mask < 8; ++mask) {
        CAPTURE(mask);
        double cam_block[6], pt_block[4], s_block[2];
        double* storage[3] = {cam_block, pt_block, s_block};
        for (double* b : storage)
            for (std::size_t i = 0; i < width[b == cam_block ? 0 : b == pt_block ? 1 : 2] * 2; ++i) b[i] = -99.0;
        double* blocks[3];
        for (std::size_t k = 0; k < 3; ++k) blocks[k] = (mask >> k) & 1u ? storage[k] : nullptr;
        double residuals[2] = {-99.0, -99.0};
        value_and_jacobian(outputs(r0, r1), cam, pt, s)
            .into(residuals, blocks)(cam = view<3>(cv.data()), pt = view<2>(pv.data()), s = sv);
        CHECK(residuals[0] == r0(cam = cv, pt = pv, s = sv));
        CHECK(residuals[1] == r1(cam = cv, pt = pv, s = sv));
        for (std::size_t k = 0; k < 3; ++k)
            for (std::size_t r = 0; r < 2; ++r)
                for (std::size_t c = 0; c < width[k]; ++c) {
                    double const got = storage[k][r * width[k] + c];
                    if ((mask >> k) & 1u) CHECK(near(got, want[r][offset[k] + c]));
                    else CHECK(got == -99.0);  // a null block is not written
                }
        // the same through jacobian(...).into(blocks), without the values
        for (double* b : storage) b[0] = -99.0;
        jacobian(outputs(r0, r1), cam, pt, s).into(blocks)(cam = cv, pt = pv, s = sv);
        for (std::size_t k = 0; k < 3; ++k)
            CHECK(((mask >> k) & 1u ? near(storage[k][0], want[0][offset[k]]) : storage[k][0] == -99.0));
    }
    // jacobians == nullptr: the residuals only (Ceres asks for them so)
    double residuals[2] = {0, 0};
    double** no_jacobians = nullptr;
    value_and_jacobian(outputs(r0, r1), cam, pt, s).into(residuals, no_jacobians)(cam = cv, pt = pv, s = sv);
    CHECK(residuals[1] == r1(cam = cv, pt = pv, s = sv));
}

TEST_CASE("into(double** blocks) with more blocks than are dispatched: one sweep, null blocks still not written") {
    constexpr var<"a"> a;
    constexpr var<"b"> b;
    constexpr var<"c"> c;
    constexpr var<"d"> d;
    constexpr var<"e"> e;
    auto const f = a * b + c * d * e;
    double ja = -1, jb = -1, jc = -1, jd = -1, je = -1;
    double* blocks[5] = {&ja, nullptr, &jc, nullptr, &je};
    jacobian(f, a, b, c, d, e).into(blocks)(a = 1.0, b = 2.0, c = 3.0, d = 4.0, e = 5.0);
    CHECK(ja == 2.0);
    CHECK(jb == -1.0);
    CHECK(jc == 20.0);
    CHECK(jd == -1.0);
    CHECK(je == 12.0);
}
