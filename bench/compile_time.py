#!/usr/bin/env python3
"""Compile-time cost of leibniz as expressions grow.

Generates small translation units (a nested chain of depth n, the product of n variables, the
2-4-1 network, the bundle-adjustment residual), each in two modes: `d` (every partial derivative
by d(f, x_i), evaluated) and `gradient` (gradient() or jacobian(), evaluated). Compiles each with
GCC 12 and Clang 14 (-std=c++20 -O2 -c), recording wall time and peak memory (/usr/bin/time -v,
"Maximum resident set size"). Writes bench/compile_time.csv.

    python3 bench/compile_time.py [--quick] [--only chain]

--only re-measures the named problems and keeps the other rows of the CSV as they were.
"""
import argparse
import csv
import os
import re
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
# kept in the repository (bench/results/ is not): minutes of compiling, which a runtime-only re-run
# of bench/run.sh should not lose
OUT = os.path.join(ROOT, "bench", "compile_time.csv")

PRELUDE = """#include <leibniz/leibniz.hpp>
#include <array>
#include <cmath>
#include <cstddef>
#include <utility>
using namespace leibniz;
template <int I> inline constexpr var<"p", I> p{};
"""

def chain(n):
    # x -> sin(x) -> exp(sin(x)) -> ... : composition alternating sin, exp, log1p, tanh
    fns = ["sin", "tanh", "log1p", "cos"]
    expr = "p<0>"
    for k in range(n):
        expr = f"{fns[k % 4]}({expr})"
    return 1, expr

def product(n):
    return n, " * ".join(f"p<{i}>" for i in range(n))

NETWORK = (17, """[] {
    auto const& x1 = q<0>; auto const& x2 = q<1>; auto const& y = q<2>;
    auto h = [&]<int J>(std::integral_constant<int, J>) { return tanh(p<2 * J> * x1 + p<2 * J + 1> * x2 + p<8 + J>); };
    auto z = p<12> * h(std::integral_constant<int, 0>{}) + p<13> * h(std::integral_constant<int, 1>{})
           + p<14> * h(std::integral_constant<int, 2>{}) + p<15> * h(std::integral_constant<int, 3>{}) + p<16>;
    auto r = sigmoid(z) - y;
    return r * r;
}()""", 3)

BA_BODY = """[] {
    auto o0 = p<11> - p<3>; auto o1 = p<12> - p<4>; auto o2 = p<13> - p<5>;
    auto theta = sqrt(p<0> * p<0> + p<1> * p<1> + p<2> * p<2>);
    auto c = cos(theta); auto s = sin(theta); auto inv = 1_c / theta;
    auto n0 = p<0> * inv; auto n1 = p<1> * inv; auto n2 = p<2> * inv;
    auto along = (n0 * o0 + n1 * o1 + n2 * o2) * (1_c - c);
    auto x0 = o0 * c + (n1 * o2 - n2 * o1) * s + n0 * along;
    auto x1 = o1 * c + (n2 * o0 - n0 * o2) * s + n1 * along;
    auto x2 = o2 * c + (n0 * o1 - n1 * o0) * s + n2 * along;
    auto p0 = x0 / x2; auto p1 = x1 / x2;
    auto rsq = p0 * p0 + p1 * p1;
    auto scale = (1_c + p<9> * rsq + p<10> * rsq * rsq) * p<6>;
    return outputs(p<14> * (p0 * scale + p<7> - q<0>), p<14> * (p1 * scale + p<8> - q<1>), 1_c - p<14> * p<14>);
}()"""


def source(mode, n, expr, data=0):
    """A TU computing every partial of f (or of each output) at runtime inputs read from argv."""
    lines = [PRELUDE, "using namespace leibniz::literals;", 'template <int I> inline constexpr var<"q", I> q{};']
    lines.append("double in[64];")
    binds = ", ".join([f"p<{i}> = in[{i}]" for i in range(n)] + [f"q<{j}> = in[{n + j}]" for j in range(data)])
    lines.append("double sink(double);")
    lines.append("void run() {")
    lines.append(f"    auto const f = {expr};")
    if mode == "d":
        for i in range(n):
            lines.append(f"    sink(d(f, p<{i}>)({binds}));")
    else:
        vars_ = ", ".join(f"p<{i}>" for i in range(n))
        lines.append(f"    auto g = gradient(f, {vars_})({binds});")
        lines.append("    for (double v : g) sink(v);")
    lines.append("}")
    return "\n".join(lines) + "\n"


def ba_source(mode):
    n, data = 15, 2
    binds = ", ".join([f"p<{i}> = in[{i}]" for i in range(n)] + [f"q<{j}> = in[{n + j}]" for j in range(data)])
    body = BA_BODY
    lines = [PRELUDE, "using namespace leibniz::literals;", 'template <int I> inline constexpr var<"q", I> q{};',
             "double in[64];", "double sink(double);"]
    if mode == "d":
        body = body.replace("return outputs(", "return std::tuple(")
        lines.insert(1, "#include <tuple>")
        lines.append("void run() {")
        lines.append(f"    auto const f = {body};")
        lines.append("    std::apply([](auto const&... e) { (run_one(e), ...); }, f);")
        lines.append("}")
        # run_one: every partial of one output
        helper = ["template <class E> void run_one(E const& e) {"]
        for i in range(n):
            helper.append(f"    sink(d(e, p<{i}>)({binds}));")
        helper.append("}")
        lines[-4:-4] = helper
    else:
        vars_ = ", ".join(f"p<{i}>" for i in range(n))
        lines.append("void run() {")
        lines.append(f"    auto const f = {body};")
        lines.append(f"    auto J = jacobian(f, {vars_})({binds});")
        lines.append("    for (auto const& row : J) for (double v : row) sink(v);")
        lines.append("}")
    return "\n".join(lines) + "\n"


def compile_one(compiler, path, timeout):
    cmd = ["/usr/bin/time", "-v", compiler, "-std=c++20", "-O2", "-c", f"-I{ROOT}/include", path, "-o", os.devnull]
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, f"timeout after {timeout} s"
    wall = time.monotonic() - start
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if proc.returncode != 0:
        first_error = next((l for l in proc.stderr.splitlines() if "error" in l), proc.stderr[-300:])
        return wall, int(rss.group(1)) if rss else None, "failed: " + first_error[:200]
    return wall, int(rss.group(1)) / 1024.0, "ok"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, GCC only")
    parser.add_argument("--timeout", type=int, default=240, help="seconds per compilation")
    parser.add_argument("--only", action="append", default=[], metavar="PROBLEM",
                        help="measure only this problem (chain, product, network, bundle_adjustment); repeatable")
    args = parser.parse_args()

    compilers = ["g++"] if args.quick else ["g++", "clang++"]
    chain_sizes = [4, 8, 16] if args.quick else [4, 8, 16, 32, 64, 128, 256]
    product_sizes = [4, 8, 16] if args.quick else [4, 8, 16, 32, 48]
    cases = []
    for n in chain_sizes:
        cases.append(("chain", n, lambda mode, n=n: source(mode, *chain(n))))
    for n in product_sizes:
        cases.append(("product", n, lambda mode, n=n: source(mode, *product(n))))
    cases.append(("network", 17, lambda mode: source(mode, NETWORK[0], NETWORK[1], NETWORK[2])))
    cases.append(("bundle_adjustment", 15, ba_source))
    if args.only:
        cases = [c for c in cases if c[0] in args.only]

    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    kept = []
    if args.only and os.path.exists(OUT):
        with open(OUT) as f:
            kept = [r for r in csv.DictReader(f) if r["problem"] not in args.only]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for problem, size, make in cases:
            for mode in ["d", "gradient"]:
                path = os.path.join(tmp, f"{problem}_{size}_{mode}.cpp")
                with open(path, "w") as f:
                    f.write(make(mode))
                for compiler in compilers:
                    wall, rss, status = compile_one(compiler, path, args.timeout)
                    rows.append({"problem": problem, "size": size, "mode": mode, "compiler": compiler,
                                 "seconds": f"{wall:.2f}" if wall is not None else "",
                                 "peak_mib": f"{rss:.0f}" if rss is not None else "", "status": status})
                    print(f"{problem:18} n={size:<3} {mode:8} {compiler:8} "
                          f"{rows[-1]['seconds']:>7} s {rows[-1]['peak_mib']:>6} MiB  {status}", flush=True)
    with open(OUT, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        order = {name: i for i, name in enumerate(["chain", "product", "network", "bundle_adjustment"])}
        writer.writerows(sorted(kept + rows, key=lambda r: (order.get(r["problem"], 9), int(r["size"]))))
    print(f"wrote {os.path.relpath(OUT, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
