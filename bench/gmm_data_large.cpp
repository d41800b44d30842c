// The Gaussian mixture's negative log-likelihood over 1,000 points, d = 10, K = 25 (1,650
// parameters, issue 15's size): the variants of gmm_data.hpp. Compiling it takes minutes and GBs
// (the kernel is bench/REPORT.md's largest compile-time model): it is in the benchmark build only.
#include "gmm_data.hpp"

namespace {
[[maybe_unused]] bool const registered = [] {
    bench::gmm_data<10, 25>::register_all();
    return true;
}();
}  // namespace
