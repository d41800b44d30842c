#!/usr/bin/env bash
# How the cost of a gradient grows: instructions executed (callgrind) by one gradient of the
# product of n variables (one forward, one reverse sweep) against n separate symbolic
# partials, for n = 4, 8, 16, 32. Prints a table; instructions are per evaluation, counted
# inside the measured functions only (callgrind --toggle-collect on the functions measured_*(), whose names end in "()" where the
# lambdas they call do not: a matching callee would toggle collection off), averaged over the driver's
# repetitions, less the harness (making the inputs, summing the results) measured alone.
#
#   scripts/gradient_scaling.sh          (CXX=clang++ to use Clang; CXXFLAGS to change -O2)
set -euo pipefail
cd "$(dirname "$0")/.."

cxx=${CXX:-g++}
flags=${CXXFLAGS:--O2}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

command -v valgrind >/dev/null || { echo "gradient_scaling.sh: valgrind is needed (apt-get install valgrind)"; exit 1; }

echo "building scripts/gradient_scaling.cpp with $cxx -std=c++20 $flags" >&2
"$cxx" -std=c++20 $flags -Iinclude scripts/gradient_scaling.cpp -o "$out/gradient_scaling"

instructions() {  # n, gradient|partials -> instructions per evaluation
    valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.out" --toggle-collect='*measured_*()' \
        "$out/gradient_scaling" "$1" "$2" >"$out/stdout" 2>"$out/stderr"
    local repetitions collected
    repetitions=$(awk '/^repetitions/ {print $2}' "$out/stdout")
    collected=$(awk '/^summary:/ {print $2}' "$out/callgrind.out")
    echo $((collected / repetitions))
}

printf '%4s  %14s  %14s  %8s   %s\n' n gradient "n partials" ratio "(instructions per evaluation, harness of inputs and sum subtracted)"
for n in 4 8 16 32; do
    h=$(instructions "$n" harness)
    g=$(($(instructions "$n" gradient) - h))
    p=$(($(instructions "$n" partials) - h))
    printf '%4d  %14d  %14d  %8.2f\n' "$n" "$g" "$p" "$(echo "$p / $g" | bc -l)"
done
