// Many observations on many cores: bench/reprojection_batch.hpp's loop over observation
// records (the reprojection residual's value and Jacobian into each record's row, from view<N>
// bindings) gives, on two OpenMP threads, the serial loop's numbers bit for bit, and calls
// operator new not once. Compiled with OpenMP, in its own executable (leibniz_openmp_tests),
// only where CMake finds OpenMP.
#include <doctest/doctest.h>

#include <omp.h>

#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <new>
#include <vector>

#include "../../bench/reprojection_batch.hpp"
#include "../counting_new.hpp"

using counting_new::allocations;

namespace {
constexpr std::size_t records = 20'000;
bench::batch_scene const scene = bench::make_batch_scene(records, 20, 2'000);

// every number NaN until written: a row left out would show as a difference
std::vector<double> unwritten() {
    return std::vector<double>(records * bench::batch_row, std::numeric_limits<double>::quiet_NaN());
}
bool same_bits(std::vector<double> const& a, std::vector<double> const& b) {
    return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(double)) == 0;
}
}  // namespace

TEST_CASE("the reprojection batch on two OpenMP threads equals the serial loop bit for bit") {
    int team = 0;
#pragma omp parallel num_threads(2)
    {
#pragma omp single
        team = omp_get_num_threads();
    }
    CHECK(team == 2);  // two threads really run (OMP_DYNAMIC could give fewer)

    auto serial = unwritten(), one = unwritten(), two = unwritten();
    bench::reprojection_batch_serial(scene.records, scene.cameras.data(), scene.points.data(), serial.data());
    bench::reprojection_batch_parallel(scene.records, scene.cameras.data(), scene.points.data(), one.data(), 1);
    bench::reprojection_batch_parallel(scene.records, scene.cameras.data(), scene.points.data(), two.data(), 2);
    CHECK(same_bits(serial, one));
    CHECK(same_bits(serial, two));

    // the serial numbers are the residual's: the plain double code at every record
    std::size_t wrong = 0;
    for (std::size_t i = 0; i < records; ++i) {
        auto const& r = scene.records[i];
        auto const [rx, ry] =
            bench::reprojection(bench::values{scene.cameras.data() + 9 * std::size_t{r.camera}},
                                bench::values{scene.points.data() + 3 * std::size_t{r.point}}, r.u, r.v);
        double const* row = serial.data() + i * bench::batch_row;
        wrong += std::abs(row[0] - rx) > 1e-12 * std::abs(rx) + 1e-12 ||
                 std::abs(row[1] - ry) > 1e-12 * std::abs(ry) + 1e-12;
    }
    CHECK(wrong == 0);
}

TEST_CASE("the reprojection batch on two OpenMP threads calls operator new not once") {
    auto out = unwritten();
    // the OpenMP runtime makes its threads at the first parallel region (with malloc, not
    // operator new; it is not counted either way): run once before counting
    bench::reprojection_batch_parallel(scene.records, scene.cameras.data(), scene.points.data(), out.data(), 2);
    long const before = allocations.load();
    bench::reprojection_batch_parallel(scene.records, scene.cameras.data(), scene.points.data(), out.data(), 2);
    bench::reprojection_batch_serial(scene.records, scene.cameras.data(), scene.points.data(), out.data());
    CHECK(allocations.load() == before);

    // the counter counts (a new kept in a volatile pointer may not be elided)
    double* volatile probe = new double(1.0);
    delete probe;
    CHECK(allocations.load() == before + 1);
}
