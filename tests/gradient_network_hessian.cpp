// The 2-4-1 network's Hessian (17 x 17, by reverse sweeps over the symbolic gradient) against
// symbolic second partials and against central differences of the reverse gradient. Its own
// translation unit: building the 17 symbolic partials and their shared graph is the costly part.
#include <doctest/doctest.h>

#include <array>
#include <cmath>
#include <cstddef>
#include <utility>

#include <leibniz/leibniz.hpp>

#include "network_fixture.hpp"

namespace {
using namespace leibniz;
using namespace leibniz_test_models;

}  // namespace

TEST_CASE("network 2-4-1: the Hessian is symmetric, matches symbolic second partials and differences of gradients") {
    auto const evaluate = at_sample();
    auto const h = evaluate(hessian(loss, theta));
    for (std::size_t i = 0; i < 17; ++i)
        for (std::size_t j = 0; j < 17; ++j) CHECK(h[i][j] == h[j][i]);

    // a few second partials symbolically: within a hidden unit, across units, with the output bias
    CHECK(agree(h[0][1], evaluate(d(loss, theta[at<0>], theta[at<1>]))));
    CHECK(agree(h[0][5], evaluate(d(loss, theta[at<0>], theta[at<5>]))));
    CHECK(agree(h[12][16], evaluate(d(loss, theta[at<12>], theta[at<16>]))));
    CHECK(agree(h[9][9], evaluate(d(loss, theta[at<9>], theta[at<9>]))));

    // every entry: central differences of the reverse gradient, step 1e-5 (error ~1e-10)
    double const step = 1e-5;
    for (std::size_t j = 0; j < 17; ++j) {
        auto up = network_theta, down = network_theta;
        up[j] += step;
        down[j] -= step;
        auto const g_up = at_sample(up)(gradient(loss, theta));
        auto const g_down = at_sample(down)(gradient(loss, theta));
        for (std::size_t i = 0; i < 17; ++i) {
            CAPTURE(i);
            CAPTURE(j);
            CHECK(std::abs(h[i][j] - (g_up[i] - g_down[i]) / (2 * step)) <= 1e-7 * (1 + std::abs(h[i][j])));
        }
    }
}
