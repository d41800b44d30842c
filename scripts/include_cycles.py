#!/usr/bin/env python3
"""Fails if the library's headers include each other in a cycle.

    python3 scripts/include_cycles.py [include/leibniz]

Reads every #include "..." of every header under the directory (includes in <...> are other
libraries'), resolves it relative to the including header, and walks the graph depth first.
Prints each cycle it finds as a chain of headers and exits 1; prints the number of headers and
edges and exits 0 when there is none. CTest runs it (tests/CMakeLists.txt: include_cycles).
"""
import pathlib
import re
import sys

INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.MULTILINE)


def edges(root: pathlib.Path) -> dict[pathlib.Path, list[pathlib.Path]]:
    graph = {}
    for header in sorted(root.rglob("*.hpp")):
        targets = []
        for name in INCLUDE.findall(header.read_text(encoding="utf-8")):
            target = (header.parent / name).resolve()
            if target.is_relative_to(root.resolve()):
                targets.append(target)
        graph[header.resolve()] = targets
    return graph


def cycles(graph: dict[pathlib.Path, list[pathlib.Path]]) -> list[list[pathlib.Path]]:
    found, state, path = [], {}, []  # state: 1 on the current path, 2 finished

    def visit(node: pathlib.Path) -> None:
        state[node] = 1
        path.append(node)
        for target in graph.get(node, []):
            if state.get(target) == 1:
                found.append(path[path.index(target):] + [target])
            elif target not in state:
                visit(target)
        path.pop()
        state[node] = 2

    for node in graph:
        if node not in state:
            visit(node)
    return found


def main() -> int:
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "include/leibniz")
    if not root.is_dir():
        print(f"include_cycles: no directory {root}", file=sys.stderr)
        return 2
    graph = edges(root)
    found = cycles(graph)
    base = root.resolve()
    for cycle in found:
        print("include cycle: " + " -> ".join(str(h.relative_to(base)) for h in cycle))
    if found:
        return 1
    print(f"include_cycles: {len(graph)} headers, {sum(map(len, graph.values()))} includes, no cycle")
    return 0


if __name__ == "__main__":
    sys.exit(main())
