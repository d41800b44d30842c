#!/usr/bin/env bash
# Draws the computational graph of L = (sigmoid(w x + b) - y)^2 (examples/graph_picture.cpp,
# written by leibniz::to_dot) with Graphviz into docs/graph.png, the picture the README shows.
#   scripts/render_graph.sh [output.png]       (LEIBNIZ_BUILD_DIR: the build folder, build/gcc)
set -euo pipefail
cd "$(dirname "$0")/.."
output="${1:-docs/graph.png}"
build_dir="${LEIBNIZ_BUILD_DIR:-build/gcc}"

bash scripts/deps.sh graphviz
cmake --preset gcc -B "$build_dir" >/dev/null
cmake --build "$build_dir" --target example_graph_picture
dot_file="$build_dir/examples/graph.dot"
"$build_dir/examples/graph_picture" "$dot_file" >/dev/null
mkdir -p "$(dirname "$output")"
dot -Tpng -Gdpi=110 "$dot_file" -o "$output"
echo "render_graph: $output"
