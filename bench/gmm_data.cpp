// The Gaussian mixture's negative log-likelihood over 1,000 points, d = 2, K = 5 (30 parameters):
// leibniz's sums over data, on and off the tape, against the hand-written gradient and the plain
// tape (gmm_data.hpp says what each variant is).
#include "gmm_data.hpp"

namespace {
[[maybe_unused]] bool const registered = [] {
    bench::gmm_data<2, 5>::register_all();
    return true;
}();
}  // namespace
