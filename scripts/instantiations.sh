#!/usr/bin/env bash
# The compile-time budget's unit: how many class and function templates each translation unit
# instantiates, counted from Clang's -ftime-trace with a granularity of 0 (every instantiation
# is an event). The budget: keep each translation unit well under 10^4 class instantiations
# (~8k cost under a second here; 32k cost 7 s with GCC, 22 s with Clang).
#
#   bash scripts/instantiations.sh                 tests/*.cpp, tests/static/*.cpp, examples/*.cpp
#   bash scripts/instantiations.sh FILE.cpp ...    the named sources
#   TOP=20 bash scripts/instantiations.sh FILE.cpp also the 20 templates instantiated most often
#
# Prints one row per source, the heaviest first: classes, functions, user CPU seconds of the
# compile (clang++ -std=c++20 -O0, with the tracing's own overhead).
set -euo pipefail
cd "$(dirname "$0")/.."

sources=("$@")
[ ${#sources[@]} -gt 0 ] || sources=(tests/*.cpp tests/static/*.cpp examples/*.cpp)
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

[ -d /usr/include/doctest ] || { echo "instantiations.sh: doctest is needed (bash scripts/deps.sh)" >&2; exit 1; }

for source in "${sources[@]}"; do
    name=$(echo "$source" | tr '/' '_')
    /usr/bin/time -f "%U" -o "$out/$name.time" \
        clang++ -std=c++20 -O0 -Iinclude -Itests -c "$source" -o "$out/$name.o" \
        -ftime-trace -ftime-trace-granularity=0 || { echo "instantiations.sh: $source did not compile" >&2; exit 1; }
done

python3 - "$out" "${TOP:-0}" "${sources[@]}" <<'EOF'
import collections, json, re, sys
out, top, sources = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
rows = []
for source in sources:
    name = source.replace('/', '_')
    events = json.load(open(f"{out}/{name}.json"))["traceEvents"]
    kinds = collections.Counter(e["name"] for e in events if e.get("ph") == "X")
    seconds = float(open(f"{out}/{name}.time").read().split()[-1])
    templates = collections.Counter(re.match(r"[^<]*", e["args"]["detail"]).group(0)
                                    for e in events if e.get("name") == "InstantiateClass")
    rows.append((kinds["InstantiateClass"], kinds["InstantiateFunction"], seconds, source, templates))
rows.sort(reverse=True)
print(f"{'classes':>8} {'functions':>9} {'user s':>7}  source")
for classes, functions, seconds, source, templates in rows:
    print(f"{classes:>8} {functions:>9} {seconds:>7.1f}  {source}")
    for template, count in templates.most_common(top):
        print(f"{'':>27}{count:>7}  {template}")
EOF
