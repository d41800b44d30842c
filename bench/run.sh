#!/usr/bin/env bash
# Runs every benchmark and writes bench/REPORT.md with its charts (docs/bench_*.png).
#
#   bash bench/run.sh            the full run: 5 repetitions, compile-time sizes for GCC and Clang
#   bash bench/run.sh --quick    1 repetition, short runs, GCC-only compile-time sizes
#   bash bench/run.sh --no-compile-time   skip bench/compile_time.py (keeps its last CSV)
#   bash bench/run.sh --clang    also builds the `bench-clang` preset (build/bench-clang) and runs
#                                the newer benchmarks (report.py --newer-stems) into bench/results/clang/
#   bash bench/run.sh --newer-only   builds and runs only the newer benchmarks, one target at a
#                                time, and rewrites only their section (report.py --newer-only)
#
# Installs what is missing (Google Benchmark, gnuplot, and the peers: ADOL-C, Ceres for its Jet,
# Trilinos Sacado with the Kokkos, Teuchos and MPI headers its Debian build needs), builds the
# `bench` preset with -j2, runs each executable with JSON output into bench/results/, then
# bench/compile_time.py and bench/report.py.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
compile_time=1
clang=0
newer_only=0
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        --no-compile-time) compile_time=0 ;;
        --clang) clang=1 ;;
        --newer-only) newer_only=1 ;;
        *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

bash scripts/deps.sh extras libceres-dev libtrilinos-sacado-dev libtrilinos-teuchos-dev \
    libtrilinos-kokkos-dev libopenmpi-dev

newer=$(python3 bench/report.py --newer-stems)

mkdir -p bench/results
if [ "$quick" = 1 ]; then
    options=(--benchmark_repetitions=1 --benchmark_min_time=0.02)
else
    options=(--benchmark_repetitions=5 --benchmark_report_aggregates_only=true --benchmark_min_time=0.1)
fi

# run <preset> <results directory> <names...>: builds and runs each, one at a time
run() {
    local preset=$1 results=$2
    shift 2
    cmake --preset "$preset" >/dev/null
    mkdir -p "$results"
    for name in "$@"; do
        [ -f "bench/$name.cpp" ] || continue
        cmake --build --preset "$preset" --target "bench_$name"
        echo "== $name ($preset)"
        "build/$preset/bench/$name" "${options[@]}" \
            --benchmark_out="$results/$name.json" --benchmark_out_format=json
    done
}

if [ "$newer_only" = 1 ]; then
    # shellcheck disable=SC2086
    run bench bench/results $newer
    # shellcheck disable=SC2086
    if [ "$clang" = 1 ]; then run bench-clang bench/results/clang $newer; fi
    python3 bench/report.py --newer-only
    exit 0
fi

cmake --preset bench >/dev/null
cmake --build --preset bench
all=()
for source in bench/*.cpp; do all+=("$(basename "$source" .cpp)"); done
run bench bench/results "${all[@]}"
# shellcheck disable=SC2086
if [ "$clang" = 1 ]; then run bench-clang bench/results/clang $newer; fi

if [ "$compile_time" = 1 ]; then
    if [ "$quick" = 1 ]; then python3 bench/compile_time.py --quick; else python3 bench/compile_time.py; fi
fi
python3 bench/report.py
