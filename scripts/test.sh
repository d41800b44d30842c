#!/usr/bin/env bash
# Builds leibniz and runs every test, three ways: GCC, Clang, and
# Clang with AddressSanitizer + UndefinedBehaviorSanitizer (the CMake presets of the same names).
#
#   scripts/test.sh                 all three presets
#   scripts/test.sh gcc             only the named presets
#   LEIBNIZ_FRESH=1 scripts/test.sh reconfigure from scratch (cmake --fresh)
#
# Keeps going after a failure so that one run shows everything, prints a summary, and
# exits non-zero if any configure, build or test failed. Its last line is ctest's summary
# line, summed over the presets.
set -uo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
# the adapters' libraries too (Eigen, Ceres): their tests are part of the suite
bash scripts/deps.sh adapters || { echo "test.sh: installing the dependencies failed"; exit 1; }

presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(gcc clang asan)
fresh=()
[ "${LEIBNIZ_FRESH:-0}" = 1 ] && fresh=(--fresh)

mkdir -p build
declare -A status seconds summary steps
total_tests=0
total_failed=0
failed_builds=0

for preset in "${presets[@]}"; do
    echo
    echo "==================== $preset ===================="
    preset_start=$(date +%s)
    log="build/test-$preset.log"
    if ! cmake --preset "$preset" "${fresh[@]}"; then
        status[$preset]="configure FAILED"
        failed_builds=$((failed_builds + 1))
    else
        build_ok=1
        build_start=$(date +%s)
        cmake --build --preset "$preset" || build_ok=0
        test_start=$(date +%s)
        ctest --preset "$preset" 2>&1 | tee "$log"
        steps[$preset]="configure $((build_start - preset_start))s, build $((test_start - build_start))s, ctest $(( $(date +%s) - test_start ))s"
        line=$(grep -E '^[0-9]+% tests passed, [0-9]+ tests? failed out of [0-9]+' "$log" | tail -n 1)
        if [ -n "$line" ]; then
            failed=$(sed -E 's/^[0-9]+% tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\1/' <<<"$line")
            count=$(sed -E 's/^[0-9]+% tests passed, ([0-9]+) tests? failed out of ([0-9]+).*/\2/' <<<"$line")
            total_tests=$((total_tests + count))
            total_failed=$((total_failed + failed))
            summary[$preset]="$line"
        else
            summary[$preset]="ctest ran no tests"
            total_failed=$((total_failed + 1))
            total_tests=$((total_tests + 1))
        fi
        if [ $build_ok = 0 ]; then
            status[$preset]="build FAILED"
            failed_builds=$((failed_builds + 1))
        elif [ -z "$line" ] || [ "$failed" != 0 ]; then
            status[$preset]="tests FAILED"
        else
            status[$preset]="ok"
        fi
    fi
    seconds[$preset]=$(( $(date +%s) - preset_start ))
done

echo
echo "==================== summary ===================="
for preset in "${presets[@]}"; do
    printf '%-6s %-17s %5ss  (%s)\n       %s\n' "$preset" "${status[$preset]}" "${seconds[$preset]}" \
        "${steps[$preset]:-}" "${summary[$preset]:-}"
done
echo "wall time: $(( $(date +%s) - start ))s"
if [ $failed_builds -gt 0 ]; then
    echo "a failed configure or build counts as one failed test below"
fi

total=$((total_tests + failed_builds))
failures=$((total_failed + failed_builds))
if [ $total -eq 0 ]; then
    echo "No tests were found!!!"
    exit 1
fi
percent=$(( (total - failures) * 100 / total ))
[ $failures -gt 0 ] && [ $percent -eq 100 ] && percent=99
echo
echo "${percent}% tests passed, ${failures} tests failed out of ${total}"
[ $failures -eq 0 ]
