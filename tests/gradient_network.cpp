// The 2-4-1 network's loss (17 parameters): the compile-time gradient against the symbolic
// partials d(loss, theta[i]), the tape and plain double arithmetic.
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

TEST_CASE("network 2-4-1: the gradient agrees with the symbolic partials, the tape and the value with doubles") {
    auto const evaluate = at_sample();
    std::array<double, 17> const g = evaluate(gradient(loss, theta));

    std::array<double, 17> const symbolic = [&]<std::size_t... I>(std::index_sequence<I...>) {
        return std::array<double, 17>{evaluate(d(loss, theta[at<I>]))...};
    }
    (std::make_index_sequence<17>{});

    leibniz::tape::scope recording;
    std::array<leibniz::tape::var, 17> recorded_theta;
    for (std::size_t i = 0; i < 17; ++i) recorded_theta[i] = network_theta[i];
    leibniz::tape::var const recorded_loss = network_loss(recorded_theta, network_input, network_target);
    std::array<double, 17> const taped = leibniz::tape::gradient(recorded_loss, recorded_theta);

    for (std::size_t i = 0; i < 17; ++i) {
        CAPTURE(i);
        CHECK(agree(g[i], symbolic[i]));
        CHECK(agree(g[i], taped[i]));
    }
    // the output bias's partial is 2 (out - target) out (1 - out): never zero here, so the test has teeth
    CHECK(std::abs(g[16]) > 1e-3);

    auto const [value, gradient_too] = evaluate(value_and_gradient(loss, theta));
    double const by_hand = network_loss(network_theta, network_input, network_target);
    CHECK(agree(value, by_hand));
    CHECK(agree(value, recorded_loss.value()));
    CHECK(gradient_too == g);
}

TEST_CASE("network 2-4-1: gradient by the family and a variable puts the family first") {
    auto const g = at_sample()(gradient(loss, theta, target));
    auto const by_family = at_sample()(gradient(loss, theta));
    for (std::size_t i = 0; i < 17; ++i) CHECK(g[i] == by_family[i]);
    CHECK(agree(g[17], at_sample()(d(loss, target))));
}
