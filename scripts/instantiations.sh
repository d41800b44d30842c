#!/usr/bin/env bash
# The compile-time budget's unit: how many class template specializations each translation
# unit makes, from Clang's own statistics (-Xclang -print-stats, "ClassTemplateSpecialization
# decls": every specialization named, instantiated or not, so a little above the instantiation
# count; -ftime-trace counts instantiations exactly, but with every event holding its type's
# name it took 20 GB on tests/gradient_bundle_adjustment.cpp). The budget: keep each
# translation unit well under 10^4 (~8k cost under a second here; 32k cost 7 s with GCC, 22 s
# with Clang).
#
#   bash scripts/instantiations.sh                 tests/*.cpp, tests/static/*.cpp, examples/*.cpp
#   bash scripts/instantiations.sh FILE.cpp ...    the named sources
#
# Prints one row per source, the heaviest first: class specializations, declarations in all,
# user CPU seconds of Clang's front end (clang++ -std=c++20 -fsyntax-only).
set -euo pipefail
cd "$(dirname "$0")/.."

sources=("$@")
[ ${#sources[@]} -gt 0 ] || sources=(tests/*.cpp tests/static/*.cpp examples/*.cpp)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

for source in "${sources[@]}"; do
    name=$(echo "$source" | tr '/' '_')
    /usr/bin/time -f "%U" -o "$out/$name.time" \
        clang++ -std=c++20 -Iinclude -Itests -fsyntax-only -Xclang -print-stats "$source" 2>"$out/$name.stats" ||
        { echo "instantiations.sh: $source did not compile" >&2; exit 1; }
    specializations=$(awk '$2 == "ClassTemplateSpecialization" && $3 == "decls," {print $1}' "$out/$name.stats")
    declarations=$(awk '$2 == "decls" && $3 == "total." {print $1}' "$out/$name.stats")
    echo "$specializations $declarations $(cat "$out/$name.time") $source"
done | sort -rn | awk 'BEGIN { printf "%15s %12s %6s  %s\n", "specializations", "declarations", "user s", "source" }
                        { printf "%15d %12d %6.1f  %s\n", $1, $2, $3, $4 }'
