// Many observations on many cores (issue 14): the reprojection residual's value and 2 x 12
// Jacobian over 100,000 observation records, each into its row of one row-major array
// (reprojection_batch.hpp: value_and_jacobian(...).into(row, row + 2) from view<9> and view<3>
// bindings), by a plain loop and by the same loop under OpenMP on 1 and 2 threads. Wall time
// (UseRealTime), since the work is on other threads. Before timing, the serial results are
// checked against the plain double residual and against central differences; after timing,
// every number of the last batch of each variant must equal the serial result bit for bit.
// At the end the ratio one thread / two threads is printed. Built with OpenMP where CMake finds
// it; elsewhere only the serial loop is registered.
#include "common.hpp"
#include "reprojection_batch.hpp"

#include <cstring>
#include <map>
#include <span>
#include <string>
#include <vector>

namespace {

constexpr std::size_t record_count = 100'000, camera_count = 20, point_count = 10'000;

struct fixture {
    bench::batch_scene scene = bench::make_batch_scene(record_count, camera_count, point_count);
    std::vector<double> want = std::vector<double>(record_count * bench::batch_row);
    std::vector<double> out = std::vector<double>(record_count * bench::batch_row);
    char const* error = nullptr;
};

// central differences of the plain double residual by parameter k of record i's (camera, point)
std::array<double, 2> difference(bench::batch_scene const& s, bench::observation_record const& r, std::size_t k) {
    std::array<double, 12> at{};
    std::copy_n(s.cameras.data() + 9 * std::size_t{r.camera}, 9, at.begin());
    std::copy_n(s.points.data() + 3 * std::size_t{r.point}, 3, at.begin() + 9);
    double const h = 6.0554544523933395e-06 * std::max(1.0, std::abs(at[k]));
    auto residual = [&](double x) {
        auto moved = at;
        moved[k] = x;
        auto const [rx, ry] =
            bench::reprojection(bench::values{moved.data()}, bench::values{moved.data() + 9}, r.u, r.v);
        return std::array<double, 2>{rx, ry};
    };
    auto const up = residual(at[k] + h), down = residual(at[k] - h);
    return {(up[0] - down[0]) / (2 * h), (up[1] - down[1]) / (2 * h)};
}

fixture& data() {
    static fixture f = [] {
        fixture made;
        auto const& s = made.scene;
        bench::reprojection_batch_serial(s.records, s.cameras.data(), s.points.data(), made.want.data());
        for (std::size_t i = 0; i < record_count; ++i) {
            auto const& r = s.records[i];
            double const* row = made.want.data() + i * bench::batch_row;
            auto const [rx, ry] =
                bench::reprojection(bench::values{s.cameras.data() + 9 * std::size_t{r.camera}},
                                    bench::values{s.points.data() + 3 * std::size_t{r.point}}, r.u, r.v);
            if (!bench::close(row[0], rx, 1e-12) || !bench::close(row[1], ry, 1e-12))
                made.error = "a residual differs from the plain double code";
            if (i % 1000 != 0) continue;
            for (std::size_t k = 0; k < 12; ++k) {
                auto const fd = difference(s, r, k);
                // relative to the row's scale: the camera's angle columns are about f = 500
                if (std::abs(row[2 + k] - fd[0]) > 1e-6 * 500 || std::abs(row[14 + k] - fd[1]) > 1e-6 * 500)
                    made.error = "a Jacobian entry differs from central differences";
            }
        }
        return made;
    }();
    return f;
}

/// Times run(records, cameras, points, out); the inputs are reached through a volatile pointer
/// at every batch, so that no batch can be folded into another.
template <class Run> void timed_batch(benchmark::State& state, Run run) {
    fixture& f = data();
    if (f.error != nullptr) {
        state.SkipWithError(f.error);
        return;
    }
    bench::observation_record const* volatile records = f.scene.records.data();
    double const* volatile cameras = f.scene.cameras.data();
    double const* volatile points = f.scene.points.data();
    std::fill(f.out.begin(), f.out.end(), 0.0);
    for (auto _ : state) {
        run(std::span<bench::observation_record const>(records, record_count), cameras, points, f.out.data());
        benchmark::ClobberMemory();
    }
    if (std::memcmp(f.out.data(), f.want.data(), f.out.size() * sizeof(double)) != 0) {
        state.SkipWithError("the last batch differs from the serial results");
        return;
    }
    state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * record_count));
}

void BM_parallel_batch_serial(benchmark::State& state) { timed_batch(state, bench::reprojection_batch_serial); }
BENCHMARK(BM_parallel_batch_serial)->UseRealTime()->Unit(benchmark::kMillisecond);

#if defined(_OPENMP)
void BM_parallel_batch_openmp(benchmark::State& state) {
    int const threads = static_cast<int>(state.range(0));
    timed_batch(state, [threads](std::span<bench::observation_record const> records, double const* cameras,
                                 double const* points, double* out) {
        bench::reprojection_batch_parallel(records, cameras, points, out, threads);
    });
}
BENCHMARK(BM_parallel_batch_openmp)->ArgName("threads")->Arg(1)->Arg(2)->UseRealTime()->Unit(benchmark::kMillisecond);
#endif

/// The console's report, and at the end the ratio of one thread's wall time to two threads'
/// (the medians when repeated, otherwise the last run of each).
class ratio_reporter : public benchmark::ConsoleReporter {
public:
    void ReportRuns(std::vector<Run> const& runs) override {
        ConsoleReporter::ReportRuns(runs);
        for (Run const& run : runs) {
            bool const median = run.run_type == Run::RT_Aggregate && run.aggregate_name == "median";
            if (run.run_type == Run::RT_Iteration || median) {
                std::string name =
                    run.run_name.function_name + (run.run_name.args.empty() ? "" : "/" + run.run_name.args);
                if (median || !medians_.count(name)) times_[name] = run.GetAdjustedRealTime();
                if (median) medians_[name] = true;
            }
        }
    }
    void Finalize() override {
        ConsoleReporter::Finalize();
        auto const one = times_.find("BM_parallel_batch_openmp/threads:1"),
                   two = times_.find("BM_parallel_batch_openmp/threads:2");
        auto const serial = times_.find("BM_parallel_batch_serial");
        if (one != times_.end() && two != times_.end() && serial != times_.end())
            std::printf("\n%zu records: 1 thread / 2 threads = %.2f (serial loop / 2 threads = %.2f)\n", record_count,
                        one->second / two->second, serial->second / two->second);
    }

private:
    std::map<std::string, double> times_;
    std::map<std::string, bool> medians_;
};

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    ratio_reporter reporter;
    benchmark::RunSpecifiedBenchmarks(&reporter);
    benchmark::Shutdown();
    return 0;
}
