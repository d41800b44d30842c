#!/usr/bin/env bash
# Builds leibniz and runs every test, three ways: GCC, Clang, and Clang with AddressSanitizer +
# UndefinedBehaviorSanitizer. Each way is a CMake workflow preset (CMakePresets.json: configure,
# build, test), run by CMake itself:
#
#   scripts/test.sh                 all three: cmake --workflow --preset gcc, clang, asan
#   scripts/test.sh gcc             only the named presets
#   LEIBNIZ_FRESH=1 scripts/test.sh reconfigure from scratch (--fresh)
#
# A preset that fails does not stop the others, so that one run shows everything; the summary
# says which failed and how long each took, and the exit status is non-zero if any did.
set -uo pipefail
cd "$(dirname "$0")/.."

start=$(date +%s)
# the adapters' libraries too (Eigen, Ceres, Clang's OpenMP): their tests are part of the suite
bash scripts/deps.sh adapters || { echo "test.sh: installing the dependencies failed"; exit 1; }

presets=("$@")
[ ${#presets[@]} -gt 0 ] || presets=(gcc clang asan)
fresh=()
[ "${LEIBNIZ_FRESH:-0}" = 1 ] && fresh=(--fresh)

declare -A result
failed=0
for preset in "${presets[@]}"; do
    echo
    echo "==================== $preset ===================="
    preset_start=$(date +%s)
    if cmake --workflow --preset "$preset" "${fresh[@]}"; then
        result[$preset]="ok"
    else
        result[$preset]="FAILED"
        failed=$((failed + 1))
    fi
    result[$preset]="${result[$preset]} in $(( $(date +%s) - preset_start ))s"
done

echo
echo "==================== summary ===================="
for preset in "${presets[@]}"; do
    printf '%-6s %s\n' "$preset" "${result[$preset]}"
done
echo "wall time: $(( $(date +%s) - start ))s"
if [ $failed -gt 0 ]; then
    echo "test.sh: $failed of ${#presets[@]} presets failed (their ctest output above says which tests)"
    exit 1
fi
echo "test.sh: all ${#presets[@]} presets passed"
