// The opt-in <leibniz/ceres.hpp>: a reprojection residual (Snavely's camera model: angle-axis
// rotation, translation, focal length, two radial distortion terms; 9 + 3 parameters) written
// once as a generic function, made a Ceres cost function by leibniz and by Ceres' own Jet
// (AutoDiffCostFunction), compared value by value and block by block, and a small bundle
// adjustment solved both ways to the same cost. (Ceres includes glog, whose CHECK macro replaces
// doctest's: the assertions here are DOCTEST_CHECK.)
#include <doctest/doctest.h>

#include <ceres/ceres.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <leibniz/ceres.hpp>
#include <leibniz/leibniz.hpp>
#include <memory>
#include <type_traits>
#include <utility>
#include <vector>

namespace {

template <std::size_t I> constexpr std::integral_constant<std::size_t, I> at{};

// the predicted image point of point pt by camera cam, minus the observation (u, v); cam(at<i>)
// and pt(at<i>) read the parameters, whatever their type (double, Jet, leibniz expression)
template <class Camera, class Point, class U, class V>
auto reprojection_residual(Camera const& cam, Point const& pt, U const& u, V const& v) {
    using std::cos;
    using std::sin;
    using std::sqrt;
    auto const theta = sqrt(cam(at<0>) * cam(at<0>) + cam(at<1>) * cam(at<1>) + cam(at<2>) * cam(at<2>));
    // one declaration per name: in leibniz each has a type of its own
    auto const w0 = cam(at<0>) / theta;
    auto const w1 = cam(at<1>) / theta;
    auto const w2 = cam(at<2>) / theta;
    auto const c = cos(theta);
    auto const s = sin(theta);
    auto const dot = w0 * pt(at<0>) + w1 * pt(at<1>) + w2 * pt(at<2>);
    // Rodrigues: p cos + (w x p) sin + w (w . p)(1 - cos), then the translation
    auto const p0 = pt(at<0>) * c + (w1 * pt(at<2>) - w2 * pt(at<1>)) * s + w0 * dot * (1.0 - c) + cam(at<3>);
    auto const p1 = pt(at<1>) * c + (w2 * pt(at<0>) - w0 * pt(at<2>)) * s + w1 * dot * (1.0 - c) + cam(at<4>);
    auto const p2 = pt(at<2>) * c + (w0 * pt(at<1>) - w1 * pt(at<0>)) * s + w2 * dot * (1.0 - c) + cam(at<5>);
    auto const xp = -p0 / p2;
    auto const yp = -p1 / p2;
    auto const r2 = xp * xp + yp * yp;
    auto const distortion = 1.0 + r2 * (cam(at<7>) + cam(at<8>) * r2);
    return std::pair{cam(at<6>) * distortion * xp - u, cam(at<6>) * distortion * yp - v};
}

constexpr leibniz::var_array<"camera", 9> camera;
constexpr leibniz::var_array<"point", 3> point;
constexpr leibniz::var<"u"> u;
constexpr leibniz::var<"v"> v;

auto make_cost() {
    auto const r = reprojection_residual([](auto i) { return camera[i]; }, [](auto i) { return point[i]; }, u, v);
    return leibniz::cost_function(leibniz::outputs(r.first, r.second), camera, point);
}
auto const leibniz_cost = make_cost();

struct jet_residual {
    double observed_u, observed_v;
    template <class T> bool operator()(T const* cam, T const* pt, T* out) const {
        auto const r = reprojection_residual([cam](auto i) { return cam[i]; }, [pt](auto i) { return pt[i]; },
                                             T(observed_u), T(observed_v));
        out[0] = r.first;
        out[1] = r.second;
        return true;
    }
};
ceres::CostFunction* jet_cost(double observed_u, double observed_v) {
    return new ceres::AutoDiffCostFunction<jet_residual, 2, 9, 3>(new jet_residual{observed_u, observed_v});
}

std::array<double, 9> const camera_start{0.12, -0.05, 0.02, 0.3, -0.2, -4.5, 800.0, -0.1, 0.02};
std::array<double, 3> const point_start{0.4, -0.3, 0.8};
}  // namespace

TEST_CASE("a leibniz cost function gives Ceres the residuals and Jacobian blocks of Ceres' own Jet") {
    std::unique_ptr<ceres::CostFunction> const ours(leibniz_cost(u = 12.5, v = -30.0));
    std::unique_ptr<ceres::CostFunction> const jets(jet_cost(12.5, -30.0));
    DOCTEST_CHECK(ours->num_residuals() == 2);
    DOCTEST_CHECK((ours->parameter_block_sizes() == std::vector<std::int32_t>{9, 3}));
    double const* parameters[2] = {camera_start.data(), point_start.data()};
    for (int wanted = 0; wanted < 4; ++wanted) {  // which blocks Ceres asks for; 0: residuals only
        CAPTURE(wanted);
        std::array<double, 2> r_ours{}, r_jets{};
        std::array<double, 18> camera_ours{}, camera_jets{};
        std::array<double, 6> point_ours{}, point_jets{};
        double* blocks_ours[2] = {wanted & 1 ? camera_ours.data() : nullptr, wanted & 2 ? point_ours.data() : nullptr};
        double* blocks_jets[2] = {wanted & 1 ? camera_jets.data() : nullptr, wanted & 2 ? point_jets.data() : nullptr};
        DOCTEST_CHECK(ours->Evaluate(parameters, r_ours.data(), wanted ? blocks_ours : nullptr));
        DOCTEST_CHECK(jets->Evaluate(parameters, r_jets.data(), wanted ? blocks_jets : nullptr));
        for (std::size_t i = 0; i < 2; ++i) DOCTEST_CHECK(r_ours[i] == doctest::Approx(r_jets[i]).epsilon(1e-13));
        for (std::size_t i = 0; i < 18; ++i)
            DOCTEST_CHECK(camera_ours[i] == doctest::Approx(camera_jets[i]).epsilon(1e-12));
        for (std::size_t i = 0; i < 6; ++i)
            DOCTEST_CHECK(point_ours[i] == doctest::Approx(point_jets[i]).epsilon(1e-12));
        if (wanted & 1) DOCTEST_CHECK(camera_ours[0] != 0.0);
        if (!(wanted & 1)) DOCTEST_CHECK((camera_ours == std::array<double, 18>{}));  // a null block is not written
    }
}

TEST_CASE("a small bundle adjustment solved with the leibniz cost function and with Jet reaches the same cost") {
    constexpr int cameras = 3, points = 12;
    std::vector<std::array<double, 9>> true_cameras(cameras);
    std::vector<std::array<double, 3>> true_points(points);
    for (int c = 0; c < cameras; ++c)
        true_cameras[c] = {0.1 * c - 0.05, 0.04 * c, -0.02 * c + 0.01, 0.2 * c, -0.1, -5.0 - 0.3 * c, 700.0 + 20 * c,
                           -0.05,          0.01};
    for (int p = 0; p < points; ++p) true_points[p] = {0.3 * std::cos(p), 0.3 * std::sin(1.3 * p), 0.5 + 0.1 * (p % 4)};
    struct observation {
        int camera, point;
        double u, v;
    };
    std::vector<observation> observations;
    for (int c = 0; c < cameras; ++c)
        for (int p = 0; p < points; ++p) {
            auto const r = reprojection_residual([&](auto i) { return true_cameras[c][i]; },
                                                 [&](auto i) { return true_points[p][i]; }, 0.0, 0.0);
            observations.push_back(
                {c, p, r.first + 0.3 * std::sin(7.0 * c + p), r.second - 0.2 * std::cos(3.0 * p + c)});
        }
    auto solve = [&](bool with_leibniz, double& final_cost, std::vector<std::array<double, 3>>& solved_points) {
        auto cams = true_cameras;
        auto pts = true_points;
        for (int p = 0; p < points; ++p)
            for (int k = 0; k < 3; ++k) pts[p][k] += 0.02 * std::sin(p + 2.0 * k);
        ceres::Problem problem;
        for (auto const& o : observations) {
            ceres::CostFunction* cost = with_leibniz ? leibniz_cost(u = o.u, v = o.v) : jet_cost(o.u, o.v);
            problem.AddResidualBlock(cost, nullptr, cams[o.camera].data(), pts[o.point].data());
        }
        for (auto& c : cams) problem.SetParameterBlockConstant(c.data());  // the cameras fixed: null camera blocks
        ceres::Solver::Options options;
        options.max_num_iterations = 50;
        options.function_tolerance = 1e-14;
        options.gradient_tolerance = 1e-14;
        options.parameter_tolerance = 1e-14;
        ceres::Solver::Summary summary;
        ceres::Solve(options, &problem, &summary);
        final_cost = summary.final_cost;
        solved_points = pts;
        return summary.IsSolutionUsable();
    };
    double cost_leibniz = 0, cost_jet = 0;
    std::vector<std::array<double, 3>> points_leibniz, points_jet;
    DOCTEST_CHECK(solve(true, cost_leibniz, points_leibniz));
    DOCTEST_CHECK(solve(false, cost_jet, points_jet));
    DOCTEST_CHECK(cost_leibniz == doctest::Approx(cost_jet).epsilon(1e-9));
    for (int p = 0; p < points; ++p)
        for (int k = 0; k < 3; ++k)
            DOCTEST_CHECK(points_leibniz[p][k] == doctest::Approx(points_jet[p][k]).epsilon(1e-8));
}

namespace {
// Ceres' Jet as a leibniz number class: the reverse sweep in Jets is forward over reverse; with
// x and y seeded as Jet's two infinitesimal parts, the gradient's parts are the Hessian's rows.
TEST_CASE("a gradient in Ceres' Jets is forward over reverse: its infinitesimal parts are the Hessian") {
    using jet = ceres::Jet<double, 2>;
    static_assert(leibniz::NumberLike<jet>);
    constexpr leibniz::var<"x"> x;
    constexpr leibniz::var<"y"> y;
    auto const f = exp(x * y) + sin(x) * y * y + sqrt(x * x + y * y) + tanh(x - y) * relu(y) + atan2(y, x);
    for (auto const& point : {std::array{0.5, 1.5}, std::array{2.0, -0.75}, std::array{-1.25, 3.5}}) {
        auto const g = leibniz::gradient(f, x, y)(x = jet(point[0], 0), y = jet(point[1], 1));
        auto const plain = leibniz::gradient(f, x, y)(x = point[0], y = point[1]);
        auto const h = leibniz::hessian(f, x, y)(x = point[0], y = point[1]);
        for (std::size_t i = 0; i < 2; ++i) {
            DOCTEST_CHECK(g[i].a == doctest::Approx(plain[i]).epsilon(1e-14));
            for (std::size_t j = 0; j < 2; ++j)
                DOCTEST_CHECK(g[i].v[static_cast<int>(j)] == doctest::Approx(h[i][j]).epsilon(1e-12));
        }
    }
}
}  // namespace
