#!/usr/bin/env bash
# Builds (Release) and runs the guided tour of leibniz (examples/tour.cpp).
#   scripts/demo.sh [arguments for tour]
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
cmake --preset demo >/dev/null
cmake --build --preset demo --target example_tour
echo
exec build/demo/examples/tour "$@"
