#!/usr/bin/env python3
"""Writes bench/REPORT.md and its charts from the results of bench/run.sh.

Reads bench/results/*.json (Google Benchmark, --benchmark_repetitions with aggregates) and
bench/compile_time.csv (bench/compile_time.py, committed); draws docs/bench_runtime_ratios.png and
docs/bench_compile_time.png with gnuplot.

    python3 bench/report.py
    python3 bench/report.py --compile-only   # only the compile-time section, from compile_time.csv
"""
import csv
import datetime
import glob
import json
import math
import os
import platform
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RESULTS = os.path.join(ROOT, "bench", "results")
REPORT = os.path.join(ROOT, "bench", "REPORT.md")
DOCS = os.path.join(ROOT, "docs")

# Variants in the order of the tables; the name of a benchmark is BM_<problem>_<variant>.
VARIANTS = ["hand", "value", "symbolic", "gradient", "tape", "adolc", "adolc_retape", "boost_autodiff",
            "ceres_jet", "sacado_fad", "sacado_rad", "finite_diff"]
DESCRIPTION = {
    "hand": "derivative code written by hand (the limit)",
    "value": "the function alone, leibniz's evaluation `f(x = ...)`",
    "symbolic": "leibniz `d(f, x_i)`, one expression per partial, each evaluated",
    "gradient": "leibniz compile-time reverse sweep: `gradient`, `jacobian` (bundle adjustment), `hessian` (Hessian rows)",
    "tape": "`leibniz::tape`, recording and reverse sweep every call",
    "adolc": "ADOL-C, traced once; the timed call is `gradient()` / `jacobian()` / `hessian()`",
    "adolc_retape": "ADOL-C, traced again on every call, then `gradient()`",
    "boost_autodiff": "Boost.Math autodiff, forward mode, one pass per input (`fvar<double, 1>`)",
    "ceres_jet": "Ceres `Jet<double, N>`, forward mode, one pass",
    "sacado_fad": "Trilinos Sacado `SFad<double, N>`, forward mode, one pass",
    "sacado_rad": "Trilinos Sacado `Rad::ADvar`, reverse mode tape",
    "finite_diff": "central finite differences (reference cost; 2n evaluations, 4 per Hessian entry)",
}
FILES = [  # (results file, section title)
    ("one_variable", "1. One variable: the derivative's value"),
    ("small_models", "2. The seeds' small models: gradient"),
    ("product", "3. Product of n variables: gradient"),
    ("logsumexp", "4. Log-sum-exp of n values: gradient"),
    ("rosenbrock", "5. Rosenbrock in n dimensions: gradient and Hessian"),
    ("network", "6. A 2-4-1 tanh/sigmoid network, squared loss on one sample: gradient by 17 parameters"),
    ("bundle_adjustment", "7. Bundle adjustment, one observation: 3 x 15 Jacobian"),
]


def split_name(name):
    assert name.startswith("BM_"), name
    body = name[3:]
    for variant in sorted(VARIANTS, key=len, reverse=True):
        if body.endswith("_" + variant):
            return body[: -len(variant) - 1], variant
    return body, "?"


def to_ns(value, unit):
    return value * {"ns": 1.0, "us": 1e3, "ms": 1e6, "s": 1e9}[unit]


def load_results():
    """{file: {problem: {variant: median cpu ns}}} in run order, plus the context of one run."""
    results, context, errors = {}, None, []
    for stem, _ in FILES:
        path = os.path.join(RESULTS, stem + ".json")
        if not os.path.exists(path):
            continue
        with open(path) as f:
            data = json.load(f)
        context = context or data.get("context", {})
        problems = {}
        for b in data["benchmarks"]:
            if b.get("error_occurred"):
                errors.append(f"{b['name']}: {b.get('error_message', '')}")
                continue
            if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
                continue
            name = b.get("run_name", b["name"])
            problem, variant = split_name(name)
            problems.setdefault(problem, {})[variant] = to_ns(b["cpu_time"], b["time_unit"])
        results[stem] = problems
    return results, context, errors


def shell(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True).stdout.strip()
    except OSError:
        return ""


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def fmt_ns(ns):
    if ns >= 1e6:
        return f"{ns / 1e6:.2f} ms"
    if ns >= 1e3:
        return f"{ns / 1e3:.2f} µs"
    if ns >= 10:
        return f"{ns:.0f} ns"
    return f"{ns:.2f} ns"


def fmt_ratio(r):
    return f"{r:.2f}" if r < 10 else f"{r:.0f}"


def runtime_chart(results, png):
    """A heat map: one row per problem, one column per variant, the ratio to hand written in each cell."""
    rows = [(p, v) for stem in results for p, v in results[stem].items()]
    columns = [c for c in VARIANTS if c != "hand" and any(c in v for _, v in rows)]
    data = os.path.join(RESULTS, "runtime_ratios.dat")
    with open(data, "w") as f:
        for y, (problem, variants) in enumerate(reversed(rows)):
            for x, column in enumerate(columns):
                if column in variants and "hand" in variants:
                    r = variants[column] / variants["hand"]
                    f.write(f"{x} {y} {math.log10(r):.4f} {fmt_ratio(r)}\n")
            f.write("\n")
    xtics = ", ".join(f'"{c}" {i}' for i, c in enumerate(columns))
    ytics = ", ".join(f'"{p}" {i}' for i, (p, _) in enumerate(reversed(rows)))
    height = max(600, 32 * len(rows) + 180)
    script = f"""
set terminal pngcairo size 1400,{height} font "DejaVu Sans,11" noenhanced
set output "{png}"
set title "Median CPU time of each variant / hand-written derivative code (same run); colour: log10 of the ratio"
set xtics ({xtics}) rotate by 30 right
set ytics ({ytics})
set xrange [-0.5:{len(columns) - 0.5}]
set yrange [-0.5:{len(rows) - 0.5}]
set cbrange [-0.5:3]
set cblabel "log10(ratio to hand)"
set palette defined (-0.5 "#2c7bb6", 0 "#ffffff", 0.5 "#ffffbf", 1.5 "#fdae61", 3 "#d7191c")
set tmargin 3
set bmargin 8
set lmargin 24
unset key
set style fill solid 1.0 noborder
plot "{data}" using 1:2:(0.5):(0.5):3 with boxxyerror lc palette, "" using 1:2:4 with labels font "DejaVu Sans,10"
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)


def two_panel_chart(series, name, png, title, xlabel, style):
    """Time and peak memory against x, log-log, one line per series key: series maps a key to
    (x, seconds, MiB) points; style(key) gives the line's gnuplot style and title."""
    if not series:
        return False
    data = os.path.join(RESULTS, name)
    keys = sorted(series)
    with open(data, "w") as f:
        for key in keys:
            for x, t, m in sorted(series[key]):
                f.write(f"{x} {t} {m}\n")
            f.write("\n\n")
    def plots(column):
        return ", ".join(f'"{data}" index {i} using 1:{column} with linespoints lw 2 {style(key)}' for i, key in enumerate(keys))
    script = f"""
set terminal pngcairo size 1400,600 font "DejaVu Sans,11" noenhanced
set output "{png}"
set multiplot layout 1,2 title "{title}"
set logscale xy
set xlabel "{xlabel}"
set grid
set key top left font ",9"
set ylabel "wall time (s)"
plot {plots(2)}
set ylabel "peak memory (MiB)"
plot {plots(3)}
unset multiplot
"""
    subprocess.run(["gnuplot"], input=script, text=True, check=True)
    return True


COMPILER_COLOUR = {"g++": 1, "clang++": 2}


def compile_chart(rows, png):
    series = {}
    for r in rows:
        if r["status"] == "ok" and r["problem"] in ("chain", "product"):
            series.setdefault((r["problem"], r["mode"], r["compiler"]), []).append(
                (int(r["size"]), float(r["seconds"]), float(r["peak_mib"])))
    def style(key):
        problem, mode, compiler = key
        return (f'pt {7 if problem == "chain" else 5} dt {1 if mode == "gradient" else 2} '
                f'lc {COMPILER_COLOUR[compiler]} title "{problem}, {mode}, {compiler}"')
    return two_panel_chart(series, "compile_time.dat", png,
                           "Compiling one translation unit that differentiates f (-O2 -c): nested chain of depth n, product of n variables",
                           "n", style)


MODELS = ("mlp", "gmm", "sum")


def compile_nodes_chart(rows, png):
    """Compile time and peak memory against the graph's nodes for the models of realistic size."""
    series = {}
    for r in rows:
        if r["status"] == "ok" and r["problem"] in MODELS and r.get("nodes"):
            series.setdefault((r["problem"], r["compiler"]), []).append(
                (int(r["nodes"]), float(r["seconds"]), float(r["peak_mib"])))
    points = {"mlp": 7, "gmm": 5, "sum": 9}
    def style(key):
        problem, compiler = key
        return f'pt {points[problem]} lc {COMPILER_COLOUR[compiler]} title "{problem}, {compiler}"'
    return two_panel_chart(series, "compile_nodes.dat", png,
                           "gradient of a model (-O2 -c) against the nodes of its graph: tanh network 16-H-1, GMM d = 10, sum of N terms",
                           "nodes of the graph", style)


def fitted_exponent(points):
    """The least-squares slope of log(cost) against log(nodes): cost ~ nodes^k."""
    if len(points) < 2:
        return None
    xs = [math.log(n) for n, _ in points]
    ys = [math.log(c) for _, c in points]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    sxx = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sxx if sxx > 0 else None


def exponent(points):
    """k in (cost(n) - cost(n0)) ~ (n - n0)^k, from the middle and the largest size (n0 the smallest)."""
    points = sorted(points)
    if len(points) < 3:
        return None
    (n0, c0), (nm, cm), (n1, c1) = points[0], points[len(points) // 2], points[-1]
    if cm - c0 <= 0 or c1 - c0 <= 0:
        return None
    return math.log((c1 - c0) / (cm - c0)) / math.log((n1 - n0) / (nm - n0))


def verdict(k):
    if k is None or k < 0.5:
        return "within noise" + ("" if k is None else f" (k ≈ {k:.1f})")
    if k < 1.3:
        return f"close to linear (k ≈ {k:.1f})"
    if k < 1.75:
        return f"mildly superlinear (k ≈ {k:.1f})"
    return f"about quadratic or worse (k ≈ {k:.1f})"


def marginal_costs(points):
    """Seconds added per added element between successive sizes: constant when growth is linear."""
    points = sorted(points)
    return [(n0, n1, (t1 - t0) / (n1 - n0)) for (n0, t0), (n1, t1) in zip(points, points[1:])]


def compile_section(compile_rows, has_compile_chart):
    """The lines of REPORT.md's compile-time section, from bench/compile_time.csv."""
    out = []
    w = out.append
    w("## Compile time")
    w("")
    w("`python3 bench/compile_time.py`: one translation unit per row, `-std=c++20 -O2 -c`, wall time and peak "
      "memory (`/usr/bin/time -v`, Maximum resident set size). Mode `d`: every partial by `d(f, x_i)`, each "
      "evaluated; mode `gradient`: one `gradient(f, x...)` (the Jacobian for bundle adjustment). The chain is "
      "sin, tanh, log1p, cos composed n times on one variable; the product is x0 x1 ... x(n-1). "
      "Times include about 1.2 s of parsing the headers (the smallest rows); on a shared machine a few tenths of a second are noise.")
    w("")
    if has_compile_chart:
        w("![compile time](../docs/bench_compile_time.png)")
        w("")
    compilers = sorted({r["compiler"] for r in compile_rows}, reverse=True)
    w("| problem | n | mode | nodes | " + " | ".join(f"{c} s | {c} MiB" for c in compilers) + " |")
    w("|---|---|---|---|" + "---|---|" * len(compilers))
    keyed = {}
    for r in compile_rows:
        keyed.setdefault((r["problem"], int(r["size"]), r["mode"]), {})[r["compiler"]] = r
    for (problem, size, mode), per in keyed.items():
        cells = []
        for c in compilers:
            r = per.get(c)
            if r is None:
                cells += ["—", "—"]
            elif r["status"] != "ok":
                cells += [r["status"].replace("|", "/"), r["peak_mib"] or "—"]
            else:
                cells += [r["seconds"], r["peak_mib"]]
        nodes = next((r.get("nodes") for r in per.values() if r.get("nodes")), "") or "—"
        w(f"| {problem} | {size} | {mode} | {nodes} | " + " | ".join(cells) + " |")
    w("")
    w("### Models of realistic size")
    w("")
    w("`gradient` of three models written as a user would, with families and `sum<N>`: `mlp`, a dense tanh "
      "network 16-H-1 with a squared loss (n = 16H + 2H + 1 weights); `gmm`, ADBench's Gaussian-mixture "
      "log-likelihood of one point in d = 10 dimensions with K components (n = 66K parameters: weights, "
      "means, log-diagonals and the strictly lower triangles); `sum`, the sum of a_i x^(i mod 5 + 1) over "
      "a family of n. Nodes: the distinct subexpressions of the graph, read from the translation unit.")
    w("")
    if os.path.exists(os.path.join(DOCS, "bench_compile_nodes.png")):
        w("![compile time against nodes](../docs/bench_compile_nodes.png)")
        w("")
    w("Fitted exponent k in cost ∝ nodes^k (least squares on log-log, every size of the model):")
    w("")
    w("| model | compiler | time | peak memory | largest: nodes, s, MiB |")
    w("|---|---|---|---|---|")
    for problem in MODELS:
        for c in compilers:
            sel = sorted(((int(r["nodes"]), float(r["seconds"]), float(r["peak_mib"])) for r in compile_rows
                          if r["problem"] == problem and r["compiler"] == c and r["status"] == "ok" and r.get("nodes")))
            if not sel:
                continue
            kt = fitted_exponent([(n, t) for n, t, _ in sel])
            km = fitted_exponent([(n, m) for n, _, m in sel])
            fmt = lambda k: "—" if k is None else f"{k:.2f}"
            n, t, m = sel[-1]
            w(f"| {problem} | {c} | {fmt(kt)} | {fmt(km)} | {n}, {t:.1f}, {m:.0f} |")
    w("")
    w("Growth of the cost above the smallest size, as k in cost(n) − cost(n0) ∝ (n − n0)^k from the middle "
      "and the largest size (time is noisy on a shared machine; peak memory is not):")
    w("")
    w("What to expect: `d` on the product must write n partials of n − 1 factors each, so its output alone "
      "grows as n²; the chain's derivative is a product of n factors, so linear growth is the ideal there, "
      "and `gradient` should be linear in both (one forward and one reverse sweep over n nodes).")
    w("")
    w("| series | compiler | time | peak memory |")
    w("|---|---|---|---|")
    for problem in ("chain", "product"):
        for mode in ("d", "gradient"):
            for c in compilers:
                sel = [r for r in compile_rows if r["problem"] == problem and r["mode"] == mode
                       and r["compiler"] == c and r["status"] == "ok"]
                kt = exponent([(int(r["size"]), float(r["seconds"])) for r in sel])
                km = exponent([(int(r["size"]), float(r["peak_mib"])) for r in sel])
                w(f"| {problem}, `{mode}` | {c} | {verdict(kt)} | {verdict(km)} |")
    w("")
    w("Growth: the compile time added per added element (per level of the chain, per factor of the "
      "product) between successive sizes, in milliseconds; constant when the growth is linear:")
    w("")
    for problem in ("chain", "product"):
        for mode in ("d", "gradient"):
            for c in compilers:
                pts = [(int(r["size"]), float(r["seconds"])) for r in compile_rows
                       if r["problem"] == problem and r["mode"] == mode and r["compiler"] == c and r["status"] == "ok"]
                steps = marginal_costs(pts)
                if steps:
                    w(f"- {problem}, `{mode}`, {c}: " + ", ".join(f"{n0}→{n1}: {1000 * m:.0f}" for n0, n1, m in steps))
    w("")
    return out


def compile_only():
    """Rewrites only the compile-time section of an existing REPORT.md (after compile_time.py --only)."""
    compile_csv = os.path.join(os.path.dirname(RESULTS), "compile_time.csv")
    with open(compile_csv) as f:
        rows = list(csv.DictReader(f))
    os.makedirs(DOCS, exist_ok=True)
    has_chart = compile_chart(rows, os.path.join(DOCS, "bench_compile_time.png"))
    compile_nodes_chart(rows, os.path.join(DOCS, "bench_compile_nodes.png"))
    text = open(REPORT).read()
    begin = text.index("## Compile time")
    after = text.index("\n## ", begin + 1) + 1
    with open(REPORT, "w") as f:
        f.write(text[:begin] + "\n".join(compile_section(rows, has_chart)) + "\n" + text[after:])
    print(f"rewrote the compile-time section of {os.path.relpath(REPORT, ROOT)}")
    return 0


def main():
    if "--compile-only" in sys.argv[1:]:
        return compile_only()
    results, context, errors = load_results()
    if not results:
        print("no results in bench/results: run bench/run.sh first", file=sys.stderr)
        return 1
    os.makedirs(DOCS, exist_ok=True)
    runtime_png = os.path.join(DOCS, "bench_runtime_ratios.png")
    compile_png = os.path.join(DOCS, "bench_compile_time.png")
    runtime_chart(results, runtime_png)

    compile_rows = []
    compile_csv = os.path.join(os.path.dirname(RESULTS), "compile_time.csv")
    if os.path.exists(compile_csv):
        with open(compile_csv) as f:
            compile_rows = list(csv.DictReader(f))
    has_compile_chart = compile_chart(compile_rows, compile_png) if compile_rows else False
    if compile_rows:
        compile_nodes_chart(compile_rows, os.path.join(DOCS, "bench_compile_nodes.png"))

    out = []
    w = out.append
    w("# leibniz benchmarks")
    w("")
    w("Generated by `bench/report.py` from the run of `bash bench/run.sh` "
      f"({datetime.date.today().isoformat()}); do not edit by hand.")
    w("")
    w("## Machine")
    w("")
    w(f"- CPU: {cpu_model()}, {os.cpu_count()} logical cores "
      f"(Google Benchmark saw {context.get('num_cpus', '?')} CPUs at {context.get('mhz_per_cpu', '?')} MHz)")
    w(f"- Compiler: {shell('g++ --version | head -1')}, CMake preset `bench` (Release: `-O3 -DNDEBUG`, nothing machine-specific)")
    def version(package):
        return shell("dpkg-query -W -f='${Version}' " + package) or "?"
    w(f"- Google Benchmark {version('libbenchmark-dev')}, ADOL-C {version('libadolc-dev')}, "
      f"Boost {version('libboost-dev')}, Ceres {version('libceres-dev')}, "
      f"Sacado (Trilinos) {version('libtrilinos-sacado-dev')}")
    w(f"- Kernel: {platform.release()}; the machine is shared (2 cores, other builds running), so the CPU "
      "time (not the wall time) is reported, as the median of 5 repetitions; ratios are within one run of one executable.")
    w("")
    w("## How to read it")
    w("")
    w("Every variant computes the same derivative and is checked against `hand` once before it is timed "
      "(a mismatch marks the benchmark as failed); inputs are read through `volatile` on every iteration, "
      "the result goes through `benchmark::DoNotOptimize`. Columns:")
    w("")
    for v in VARIANTS:
        w(f"- `{v}`: {DESCRIPTION[v]}")
    w("")
    w("Each cell: median CPU time per call, and in brackets the ratio to `hand` (lower is better).")
    w("")
    w("![runtime ratios](../docs/bench_runtime_ratios.png)")
    w("")

    issue4 = []
    for stem, title in FILES:
        if stem not in results:
            continue
        problems = results[stem]
        columns = [v for v in VARIANTS if any(v in p for p in problems.values())]
        w(f"## {title}")
        w("")
        w("| problem | " + " | ".join(f"`{c}`" for c in columns) + " |")
        w("|---|" + "---|" * len(columns))
        for problem, variants in problems.items():
            hand = variants.get("hand")
            cells = []
            for c in columns:
                if c not in variants:
                    cells.append("—")
                elif hand and c != "hand":
                    cells.append(f"{fmt_ns(variants[c])} ({fmt_ratio(variants[c] / hand)})")
                else:
                    cells.append(fmt_ns(variants[c]))
            w(f"| {problem} | " + " | ".join(cells) + " |")
            if "gradient" in variants and "value" in variants and hand:
                issue4.append((problem, variants["gradient"] / variants["value"], variants["gradient"] / hand))
        w("")

    if issue4:
        w("## Issue #4: one gradient ≤ 3 evaluations, and within 1.2× the hand-written adjoint")
        w("")
        w("`gradient / value` is the compile-time reverse sweep (gradient, or the Jacobian for bundle adjustment) "
          "over leibniz's own evaluation of the function; `gradient / hand` over the hand-written derivative.")
        w("")
        w("| problem | gradient / value | ≤ 3 | gradient / hand | ≤ 1.2 |")
        w("|---|---|---|---|---|")
        for problem, gv, gh in issue4:
            w(f"| {problem} | {gv:.2f} | {'yes' if gv <= 3 else '**no**'} | {gh:.2f} | {'yes' if gh <= 1.2 else '**no**'} |")
        w("")
        met_v = sum(1 for _, gv, _ in issue4 if gv <= 3)
        met_h = sum(1 for _, _, gh in issue4 if gh <= 1.2)
        w(f"Met: gradient ≤ 3 × value on {met_v} of {len(issue4)} problems; gradient ≤ 1.2 × hand on {met_h} of {len(issue4)}. "
          "Sub-nanosecond rows are at the resolution of the timer: read them as equal.")
        w("")

    if compile_rows:
        out += compile_section(compile_rows, has_compile_chart)

    if errors:
        w("## Failed checks")
        w("")
        for e in errors:
            w(f"- {e}")
        w("")

    w("## Reproduce")
    w("")
    w("```sh")
    w("bash bench/run.sh            # installs what is missing, builds the bench preset, runs, writes this file")
    w("bash bench/run.sh --quick    # shorter runs, GCC-only compile-time sizes, for a look")
    w("```")
    w("")
    with open(REPORT, "w") as f:
        f.write("\n".join(out))
    print(f"wrote {os.path.relpath(REPORT, ROOT)}, {os.path.relpath(runtime_png, ROOT)}"
          + (f", {os.path.relpath(compile_png, ROOT)}" if has_compile_chart else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
