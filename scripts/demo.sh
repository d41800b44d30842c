#!/usr/bin/env bash
# Builds and runs the guided tour of leibniz (examples/tour.cpp).
#   scripts/demo.sh [arguments for tour]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset gcc >/dev/null
cmake --build --preset gcc --target example_tour
echo
exec build/gcc/examples/tour "$@"
