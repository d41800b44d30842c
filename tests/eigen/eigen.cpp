// Eigen's vectors and maps as a family's numbers, and its matrices, vectors and maps as the
// storage into(...) writes results into (leibniz/eigen.hpp; built only when CMake finds Eigen).
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <string>
#include <type_traits>

#include <Eigen/Core>

#include <leibniz/eigen.hpp>
#include <leibniz/leibniz.hpp>

#include "../invalid_argument.hpp"

namespace {
using namespace leibniz;
using namespace leibniz::literals;

constexpr var_array<"w", 3> w;
constexpr var<"s"> s;
constexpr auto f = w[0_c] * w[1_c] + sin(w[2_c]) * s;
constexpr auto g = exp(w[0_c]) - w[2_c] * w[2_c] * s;
constexpr std::array<double, 3> values{0.5, -1.25, 0.75};

using leibniz_test::invalid_argument_from;
}  // namespace

TEST_CASE("eigen: a family bound from fixed and dynamic vectors and maps, in place") {
    Eigen::Vector3d const fixed(values[0], values[1], values[2]);
    Eigen::VectorXd dynamic(3);
    dynamic << values[0], values[1], values[2];
    double raw[3] = {values[0], values[1], values[2]};
    Eigen::Map<Eigen::Vector3d const> const mapped(raw);
    Eigen::RowVector3d const row(values[0], values[1], values[2]);
    double const want = f(w = values, s = 2.0);
    CHECK(f(w = fixed, s = 2.0) == want);
    CHECK(f(w = dynamic, s = 2.0) == want);
    CHECK(f(w = mapped, s = 2.0) == want);
    CHECK(f(w = row, s = 2.0) == want);
    Eigen::VectorXd longer(6);
    longer << 9.0, values[0], values[1], values[2], 9.0, 9.0;
    CHECK(f(w = longer.segment(1, 3), s = 2.0) == want);  // a segment is contiguous
    auto const bound = w = dynamic;
    dynamic(0) = 4.0;  // not copied
    CHECK(f(bound, s = 2.0) == f(w = std::array<double, 3>{4.0, values[1], values[2]}, s = 2.0));
    Eigen::VectorXd const wrong(4);
    std::string const message = invalid_argument_from([&] { return w = wrong; });
    CHECK(message ==
          "leibniz: the family w (var_array<\"w\", 3>) is bound from a dynamic-size Eigen vector of 4 "
          "values, and it needs exactly 3: bind 3 values, one per member w[0] ... w[2]");
}

TEST_CASE("eigen: gradient, Jacobian and Hessian into Eigen matrices, vectors and maps") {
    Eigen::Vector3d const x(values[0], values[1], values[2]);
    auto const want_g = gradient(f, w)(w = values, s = 2.0);
    Eigen::Vector3d g3;
    gradient(f, w).into(g3)(w = x, s = 2.0);
    Eigen::VectorXd gx;  // resized
    gradient(f, w).into(gx)(w = x, s = 2.0);
    Eigen::RowVector3d grow;
    gradient(f, w).into(grow)(w = x, s = 2.0);
    REQUIRE(gx.size() == 3);
    for (int i = 0; i < 3; ++i) {
        CHECK(g3(i) == want_g[std::size_t(i)]);
        CHECK(gx(i) == want_g[std::size_t(i)]);
        CHECK(grow(i) == want_g[std::size_t(i)]);
    }
    // a Jacobian into column-major and row-major matrices, and into a map of a Ceres block
    auto const want_j = jacobian(outputs(f, g), w, s)(w = values, s = 2.0);
    Eigen::Matrix<double, 2, 4> column_major;
    Eigen::Matrix<double, 2, 4, Eigen::RowMajor> row_major;
    Eigen::MatrixXd dynamic;
    double block[8];
    Eigen::Map<Eigen::Matrix<double, 2, 4, Eigen::RowMajor>> ceres_block(block);
    auto const J = jacobian(outputs(f, g), w, s);
    J.into(column_major)(w = x, s = 2.0);
    J.into(row_major)(w = x, s = 2.0);
    J.into(dynamic)(w = x, s = 2.0);
    J.into(ceres_block)(w = x, s = 2.0);
    REQUIRE(dynamic.rows() == 2);
    REQUIRE(dynamic.cols() == 4);
    for (int r = 0; r < 2; ++r)
        for (int c = 0; c < 4; ++c) {
            double const want = want_j[std::size_t(r)][std::size_t(c)];
            CHECK(column_major(r, c) == want);
            CHECK(row_major(r, c) == want);
            CHECK(dynamic(r, c) == want);
            CHECK(block[r * 4 + c] == want);
        }
    // values and Jacobian together; a Hessian
    Eigen::Vector2d residuals;
    value_and_jacobian(outputs(f, g), w, s).into(residuals, dynamic)(w = x, s = 2.0);
    CHECK(residuals(0) == f(w = values, s = 2.0));
    CHECK(residuals(1) == g(w = values, s = 2.0));
    Eigen::Matrix3d H;
    hessian(f, w).into(H)(w = x, s = 2.0);
    CHECK(H(0, 1) == 1.0);
    CHECK(H(2, 2) == doctest::Approx(-std::sin(values[2]) * 2.0).epsilon(1e-15));
    // a temporary map is not storage into(...) keeps a pointer to; a named one is
    static_assert(std::is_void_v<detail::storage_handle_t<Eigen::Map<Eigen::MatrixXd>>>);
    static_assert(std::is_same_v<detail::storage_handle_t<Eigen::Map<Eigen::MatrixXd>&>, Eigen::Map<Eigen::MatrixXd>*>);
    static_assert(std::is_void_v<detail::storage_handle_t<Eigen::MatrixXd const&>>);
    // a dynamic map of the wrong size: a sentence, nothing written
    double small[4] = {0, 0, 0, 0};
    Eigen::Map<Eigen::MatrixXd> wrong(small, 2, 2);
    std::string const message = invalid_argument_from([&] { J.into(wrong)(w = x, s = 2.0); });
    CHECK(message ==
          "leibniz: into(m) with an Eigen map of 2 x 2 for a result of 2 x 4: map storage of the result's size");
    CHECK(small[0] == 0.0);
}
