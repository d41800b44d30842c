#!/usr/bin/env bash
# Runs every benchmark and writes bench/REPORT.md with its charts (docs/bench_*.png).
#
#   bash bench/run.sh            the full run: 5 repetitions, compile-time sizes for GCC and Clang
#   bash bench/run.sh --quick    1 repetition, short runs, GCC-only compile-time sizes
#   bash bench/run.sh --no-compile-time   skip bench/compile_time.py (keeps its last CSV)
#
# Installs what is missing (Google Benchmark, gnuplot, and the peers: ADOL-C, Ceres for its Jet,
# Trilinos Sacado with the Kokkos, Teuchos and MPI headers its Debian build needs), builds the
# `bench` preset one target at a time with -j2, runs each executable with JSON output into
# bench/results/, then bench/compile_time.py and bench/report.py.
set -euo pipefail
cd "$(dirname "$0")/.."

quick=0
compile_time=1
for arg in "$@"; do
    case "$arg" in
        --quick) quick=1 ;;
        --no-compile-time) compile_time=0 ;;
        *) echo "run.sh: unknown option $arg" >&2; exit 2 ;;
    esac
done

bash scripts/deps.sh extras libceres-dev libtrilinos-sacado-dev libtrilinos-teuchos-dev \
    libtrilinos-kokkos-dev libopenmpi-dev

cmake --preset bench >/dev/null
cmake --build --preset bench

mkdir -p bench/results
if [ "$quick" = 1 ]; then
    options=(--benchmark_repetitions=1 --benchmark_min_time=0.02)
else
    options=(--benchmark_repetitions=5 --benchmark_report_aggregates_only=true --benchmark_min_time=0.1)
fi
for source in bench/*.cpp; do
    name=$(basename "$source" .cpp)
    echo "== $name"
    "build/bench/bench/$name" "${options[@]}" \
        --benchmark_out="bench/results/$name.json" --benchmark_out_format=json
done

if [ "$compile_time" = 1 ]; then
    if [ "$quick" = 1 ]; then python3 bench/compile_time.py --quick; else python3 bench/compile_time.py; fi
fi
python3 bench/report.py
