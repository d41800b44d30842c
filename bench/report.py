#!/usr/bin/env python3
"""Writes bench/REPORT.md and its charts from the results of bench/run.sh.

Reads bench/results/*.json (Google Benchmark, --benchmark_repetitions with aggregates; GCC, the
`bench` preset), bench/results/clang/*.json (the newer benchmarks built by the `bench-clang`
preset, when present) and bench/compile_time.csv (bench/compile_time.py, committed); draws
docs/bench_runtime_ratios.png and docs/bench_compile_time.png with gnuplot.

    python3 bench/report.py
    python3 bench/report.py --compile-only   # only the compile-time section, from compile_time.csv
    python3 bench/report.py --newer-only     # only the newer benchmarks' section, from their JSON
    python3 bench/report.py --newer-only gmm_data network_batch [--options="..."]
                                             # only those subsections (and the options they were run with)
    python3 bench/report.py --newer-stems    # their names, for bench/run.sh
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
    ("small_models", "2. The backpropagation article's small models: gradient"),
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


# ---- the newer benchmarks: one table each, GCC and (where bench/results/clang/ has it) Clang ----
# A section is a table of rows; a row is (label, {column: benchmark name}); a ratio column is
# (header, numerator column, denominator column). Names are Google Benchmark's run names
# (without "/real_time"); time is the median CPU time, or the wall time where `real_time` is set.
NEWER_HEADING = "## The newer benchmarks: inside numeric software, lanes, threads, data, large models"
CLANG_RESULTS = os.path.join(RESULTS, "clang")


def named_row(label, pattern, columns):
    return (label, {c: pattern.format(c) for c in columns})


def gmm_data_section(stem, d, k, text):
    """bench/gmm_data.hpp's variants for the mixture with d dimensions and k components."""
    variants = {"hand": "hand", "sum_over": "sum_over", "on tape": "sum_over_on_tape", "per point": "sum_over_lambda",
                "hybrid tape": "hybrid_tape", "tape": "tape", "adolc": "adolc", "adolc retape": "adolc_retape"}
    return dict(stem=stem, title=f"A loss over runtime data: Gaussian mixture, d = {d}, K = {k}, 1,000 points",
                text=text, columns=list(variants),
                ratios=[("sum_over / hand", "sum_over", "hand"), ("on tape / hand", "on tape", "hand"),
                        ("hybrid / hand", "hybrid tape", "hand"), ("tape / sum_over", "tape", "sum_over"),
                        ("tape / on tape", "tape", "on tape"), ("adolc / sum_over", "adolc", "sum_over")],
                rows=[("1,000 points", {c: f"BM_gmm_d{d}_K{k}_1000points_{v}" for c, v in variants.items()})])


HUBER_COLUMNS = ["hand", "value", "gradient", "symbolic", "tape", "adolc", "boost_autodiff", "ceres_jet",
                 "sacado_fad", "sacado_rad", "finite_diff"]  # common.hpp's variants, the peers where installed
NEWER = [
    dict(stem="ceres_cost",
         title="Ceres cost function: leibniz's adapter, Jet and the Jacobian by hand (issue 14)",
         text="`bench/ceres_cost.cpp`: the reprojection residual (camera 9, point 3) as a `ceres::CostFunction`, "
              "called as Ceres calls it (the virtual `Evaluate`, parameters behind pointers, Jacobian blocks into "
              "persistent arrays): `leibniz::cost_function` (value and Jacobian from one sweep), Ceres' "
              "`AutoDiffCostFunction` (Jet) and `bench/reprojection_analytic.hpp` (the Jacobian by hand, the reference). "
              "Each checked against the other two in the four combinations of blocks before timing (1e-12), its "
              "last result after. Goal of issue 14: leibniz within 1.1× hand.",
         columns=["hand", "leibniz", "jet"],
         ratios=[("leibniz / hand", "leibniz", "hand"), ("Jet / hand", "jet", "hand")],
         goal=("leibniz / hand", 1.1),  # value and Jacobian: the rows with a block
         goal_rows=["residuals and both blocks", "residuals and the point block (camera block null)"],
         rows=[named_row("residuals and both blocks", "BM_ceres_reprojection_both_blocks_{}", ["hand", "leibniz", "jet"]),
               named_row("residuals and the point block (camera block null)", "BM_ceres_reprojection_point_block_{}",
                         ["hand", "leibniz", "jet"]),
               named_row("residuals only (jacobians null)", "BM_ceres_reprojection_residuals_only_{}",
                         ["hand", "leibniz", "jet"])]),
    dict(stem="bindings",
         title="Bindings and results in place: Ceres-shaped calls behind pointers",
         text="`bench/bindings.cpp`: each variant an out-of-line call reading its parameters behind pointers and "
              "writing into the caller's arrays. `hand`: the plain double code (for the Jacobian blocks there is "
              "none: they are checked against central differences); `view`: families bound by `view<N>(ptr)`; "
              "`locals`: the values copied into `std::array`s first; `span`: `std::span` of dynamic extent; "
              "`point block`: `view` with the camera block null.",
         columns=["hand", "view", "locals", "span", "point block"],
         ratios=[("view / hand", "view", "hand"), ("locals / view", "locals", "view")],
         rows=[("reprojection residual", {"hand": "BM_reprojection_hand", "view": "BM_reprojection_view",
                                          "locals": "BM_reprojection_locals", "span": "BM_reprojection_span"}),
               ("residual and Jacobian blocks", {"view": "BM_reprojection_jacobian_view",
                                                 "locals": "BM_reprojection_jacobian_locals",
                                                 "point block": "BM_reprojection_jacobian_point_block"}),
               ("Robertson's 3×3 Jacobian", {"hand": "BM_robertson_jacobian_hand", "view": "BM_robertson_jacobian_view",
                                             "locals": "BM_robertson_jacobian_locals"}),
               ("Rosenbrock-16 value and gradient (callback)", {"hand": "BM_rosenbrock16_callback_hand",
                                                                "view": "BM_rosenbrock16_callback_view"})]),
    dict(stem="lanes",
         title="Lanes: gradients at 128 points, a point per sweep against four per sweep",
         text="`bench/lanes.cpp`, time per batch of 128 points: `double`, the double engine a point per sweep; "
              "`lanes4`, `simd<double, deduce_t<double, 4>>`; `fixed4`, `fixed_size_simd<double, 4>`; `native`, "
              "`native_simd<double>`; `hand`, the gradient by hand in doubles. Built with `-mavx2 -mfma` where the "
              "machine runs them (CMake checks). Speed-up: `double / lanes4`.",
         columns=["double", "lanes4", "fixed4", "native", "hand"],
         ratios=[("speed-up double / lanes4", "double", "lanes4"), ("lanes4 / hand", "lanes4", "hand")],
         rows=[named_row(label, "BM_lanes_" + problem + "_{}", ["double", "lanes4", "fixed4", "native", "hand"])
               for label, problem in [("extended Rosenbrock, 16 dimensions", "rosenbrock16"),
                                      ("2-D Rosenbrock", "rosenbrock"),
                                      ("neuron, summed", "neuron"),
                                      ("three-component mixture, summed", "mixture")]]),
    dict(stem="parallel_batch",
         title="Many records on many cores: 100,000 reprojection records",
         text="`bench/parallel_batch.cpp`: value and 2 × 12 Jacobian of 100,000 records into one row-major array "
              "(`bench/reprojection_batch.hpp`), the plain loop and the OpenMP loop on 1 and 2 threads; wall time "
              "(the work is on other threads). On a shared 2-core machine a neighbour on a core shows as a ratio "
              "well below 2.",
         real_time=True,
         columns=["serial", "1 thread", "2 threads"],
         ratios=[("1 thread / 2 threads", "1 thread", "2 threads"), ("serial / 2 threads", "serial", "2 threads")],
         rows=[("100,000 records", {"serial": "BM_parallel_batch_serial",
                                    "1 thread": "BM_parallel_batch_openmp/threads:1",
                                    "2 threads": "BM_parallel_batch_openmp/threads:2"})]),
    gmm_data_section("gmm_data", 2, 5,
                     "`bench/gmm_data.cpp` (`bench/gmm_data.hpp`): the gradient by 30 parameters of the negative "
                     "log-likelihood summed over 1,000 points: `hand`; `sum_over`, `sum_over(data, "
                     "value_and_gradient(nll, theta), theta = p, x = each_record)`, the parameter-only part computed "
                     "once; `on tape`, that sum with tape::vars bound, one node of the tape; `per point`, the "
                     "kernel's `value_and_gradient` called per point in a lambda and summed; `hybrid tape`, a loop on "
                     "the tape, the kernel one recorded operation per point; `tape`, every operation recorded; `adolc`, "
                     "the same loss on ADOL-C recorded once, each call a forward and a reverse sweep of the record; "
                     "`adolc retape`, recorded at every call (`bench/adolc_peer.hpp`). Goals of issue 15: within 2× hand, and 10× faster than the plain tape."),
    gmm_data_section("gmm_data_large", 10, 25,
                     "`bench/gmm_data_large.cpp`: the same variants as the mixture above, by 1,650 parameters "
                     "(issue 15's size)."),
    dict(stem="network_batch",
         title="A loss over runtime data: a 2-8-1 tanh network, squared error over a batch of 1,000",
         text="`bench/network_batch.cpp`: the gradient by 33 parameters: `hand`, backpropagation by hand "
              "accumulated over the batch; `sum_over` with each_record bindings (nothing depends on the "
              "parameters alone: this is the per-record sweep against the hand); `on tape`, that sum with "
              "tape::vars bound; `hybrid tape`, the kernel one recorded operation per record; `tape`, every "
              "operation recorded; `adolc`, ADOL-C recorded once; `adolc retape`, recorded at every call.",
         columns=["hand", "sum_over", "on tape", "hybrid tape", "tape", "adolc", "adolc retape"],
         ratios=[("sum_over / hand", "sum_over", "hand"), ("hybrid / hand", "hybrid tape", "hand"),
                 ("tape / sum_over", "tape", "sum_over"), ("adolc / sum_over", "adolc", "sum_over")],
         rows=[("batch of 1,000", {"hand": "BM_network2_8_batch1000_hand", "sum_over": "BM_network2_8_batch1000_sum_over",
                                   "on tape": "BM_network2_8_batch1000_sum_over_on_tape",
                                   "hybrid tape": "BM_network2_8_batch1000_hybrid_tape",
                                   "tape": "BM_network2_8_batch1000_tape",
                                   "adolc": "BM_network2_8_batch1000_adolc",
                                   "adolc retape": "BM_network2_8_batch1000_adolc_retape"})]),
    dict(stem="goal_models",
         title="Models of realistic size (issue 15): GMM d = 10, K = 25 and a sum of 1,024 terms",
         text="`bench/goal_models.cpp`: the gradient of the GMM objective of one point (1,650 parameters) and of a "
              "sum of 1,024 terms by its family of 1,024 coefficients: leibniz's evaluation (`value`), its "
              "`gradient`, the gradient by hand, the tape recorded each time, ADOL-C recorded once (`adolc`: each "
              "call a forward and a reverse sweep of the record) and at every call (`adolc retape`). The "
              "forward-mode peers would carry a partial per parameter through every operation and are not run "
              "at this size.",
         columns=["value", "gradient", "hand", "tape", "adolc", "adolc retape"],
         ratios=[("gradient / hand", "gradient", "hand"), ("gradient / value", "gradient", "value"),
                 ("tape / gradient", "tape", "gradient"), ("adolc / gradient", "adolc", "gradient")],
         rows=[("GMM d = 10, K = 25", {"value": "BM_gmm_d10_K25_value_leibniz", "gradient": "BM_gmm_d10_K25_gradient_leibniz",
                                       "hand": "BM_gmm_d10_K25_gradient_hand", "tape": "BM_gmm_d10_K25_gradient_tape",
                                       "adolc": "BM_gmm_d10_K25_gradient_adolc",
                                       "adolc retape": "BM_gmm_d10_K25_gradient_adolc_retape"}),
               ("sum of 1,024 terms", {"gradient": "BM_sum1024_gradient_leibniz", "hand": "BM_sum1024_gradient_hand",
                                       "tape": "BM_sum1024_gradient_tape", "adolc": "BM_sum1024_gradient_adolc",
                                       "adolc retape": "BM_sum1024_gradient_adolc_retape"})]),
    dict(stem="large_network",
         title="A dense tanh network 16-32-1: gradient by 577 weights",
         text="`bench/large_network.cpp`: the squared loss of one sample, the loss alone and its gradient: "
              "leibniz (`sum<N>` over a family), hand-written backpropagation, the tape recorded each time, ADOL-C "
              "recorded once (`adolc`) and at every call (`adolc retape`).",
         columns=["loss (leibniz)", "loss (hand)", "gradient", "hand", "tape", "adolc", "adolc retape"],
         ratios=[("gradient / hand", "gradient", "hand"), ("gradient / loss", "gradient", "loss (leibniz)"),
                 ("tape / gradient", "tape", "gradient"), ("adolc / gradient", "adolc", "gradient")],
         rows=[("network 16-32-1", {"loss (leibniz)": "BM_network16_32_loss_leibniz", "loss (hand)": "BM_network16_32_loss_hand",
                                    "gradient": "BM_network16_32_gradient_leibniz", "hand": "BM_network16_32_gradient_hand",
                                    "tape": "BM_network16_32_gradient_tape",
                                    "adolc": "BM_network16_32_gradient_adolc",
                                    "adolc retape": "BM_network16_32_gradient_adolc_retape"})]),
    dict(stem="huber",
         title="A branch: Huber's loss of a line over K points, gradient by (a, b)",
         text="`bench/huber.cpp`: leibniz's `select` against `?:` by hand and in the peers; `squared` is the same "
              "loss without the branch (r²/2). Every variant checked against `hand`.",
         columns=HUBER_COLUMNS,
         ratios=[("gradient / hand", "gradient", "hand"), ("gradient / value", "gradient", "value"),
                 ("tape / gradient", "tape", "gradient")],
         rows=[named_row(label, "BM_" + problem + "_{}", HUBER_COLUMNS)
               for label, problem in [("K = 8", "huber8"), ("K = 8, squared", "huber8_squared"),
                                      ("K = 32", "huber32"), ("K = 32, squared", "huber32_squared")]]),
]


def load_named(path, real_time=False):
    """{run name: median ns} (CPU time, or wall time), the run's context and its failed checks."""
    with open(path) as f:
        data = json.load(f)
    times, errors = {}, []
    for b in data["benchmarks"]:
        name = b.get("run_name", b["name"]).replace("/real_time", "")
        if b.get("error_occurred"):
            errors.append(f"{name}: {b.get('error_message', '')}")
            continue
        if b.get("run_type") == "aggregate" and b.get("aggregate_name") != "median":
            continue
        times[name] = to_ns(b["real_time" if real_time else "cpu_time"], b["time_unit"])
    return times, data.get("context", {}), errors


def newer_results():
    """[(section, {compiler: (times, context)})] for the sections with results, and the failed checks."""
    found, errors = [], []
    for section in NEWER:
        per = {}
        for compiler, directory in (("GCC", RESULTS), ("Clang", CLANG_RESULTS)):
            path = os.path.join(directory, section["stem"] + ".json")
            if os.path.exists(path):
                times, context, failed = load_named(path, section.get("real_time", False))
                per[compiler] = (times, context)
                errors += [f"{compiler}, {section['stem']}: {e}" for e in failed]
        if per:
            found.append((section, per))
    return found, errors


def newer_section(found):
    """The lines of REPORT.md's section on the newer benchmarks."""
    out = []
    w = out.append
    w(NEWER_HEADING)
    w("")
    compilers = sorted({c for _, per in found for c in per}, key=["GCC", "Clang"].index)
    versions = {"GCC": shell("g++ --version | head -1"), "Clang": shell("clang++ --version | head -1")}
    w("Each benchmark's own executable, one at a time, `--benchmark_repetitions=5 --benchmark_report_aggregates_only=true "
      "--benchmark_min_time=0.1` (bench/run.sh's options); cells are the median CPU time per call "
      "(the wall time for the parallel batch), " + " / ".join(compilers) + " where both ran. "
      "Compilers: " + "; ".join(f"{c}: {versions[c]} (preset `{'bench' if c == 'GCC' else 'bench-clang'}`, `-O3 -DNDEBUG`)"
                                for c in compilers) + ". Ratios are within one run of one executable; "
      "the machine is shared (2 cores), so neighbours cause bursts: read a ratio, not a single time; "
      "each run gives the 1-minute load average when it began (runnable processes, this job's own build or "
      "run of the minute before included: on 2 cores, well above 1 means neighbours).")
    w("")
    for section, per in found:
        here = [c for c in compilers if c in per]
        def started(c):  # the date and the 1-minute load average when the run began
            context = per[c][1]
            load = context.get("load_avg") or [None]
            return (f"{c} {context.get('date', '?')[:16].replace('T', ' ')}"
                    + (f" (load {load[0]:.1f})" if load[0] is not None else ""))
        dates = ", ".join(started(c) for c in here)
        w(f"### {section['title']}")
        w("")
        isa = sorted({per[c][1].get("isa") for c in here} - {None})  # bench/lanes.cpp's context line
        w(section["text"] + (f" Instruction set: {'; '.join(isa)}." if isa else "") + f" Run: {dates}"
          + (f"; {', '.join(here)} only." if len(here) < len(compilers) else "."))
        w("")
        columns = [c for c in section["columns"]  # the columns measured by some compiler
                   if any(row.get(c) in per[comp][0] for _, row in section["rows"] for comp in here)]
        headers = [f"`{c}`" if " " not in c else c for c in columns] + [r[0] for r in section["ratios"]]
        unit = " (" + " / ".join(here) + ")" if len(here) > 1 else f" ({here[0]})"
        w("| " + unit.strip(" ()") + " | " + " | ".join(headers) + " |")
        w("|---|" + "---|" * len(headers))
        goal_met = []
        for label, names in section["rows"]:
            def value(column, compiler):
                name = names.get(column)
                return per[compiler][0].get(name) if name else None
            cells = []
            for c in columns:
                vs = [value(c, comp) for comp in here]
                cells.append("—" if all(v is None for v in vs) else " / ".join("—" if v is None else fmt_ns(v) for v in vs))
            for header, num, den in section["ratios"]:
                rs = []
                for comp in here:
                    a, b = value(num, comp), value(den, comp)
                    rs.append(a / b if a is not None and b else None)
                cells.append("—" if all(r is None for r in rs) else " / ".join("—" if r is None else f"{r:.2f}" for r in rs))
                if section.get("goal") and section["goal"][0] == header and label in section.get("goal_rows", [label]):
                    goal_met += [(label, comp, r) for comp, r in zip(here, rs) if r is not None]
            w(f"| {label} | " + " | ".join(cells) + " |")
        w("")
        if goal_met:
            header, limit = section["goal"]
            met = sum(1 for _, _, r in goal_met if r <= limit)
            w(f"Goal {header} ≤ {limit}: met in {met} of {len(goal_met)} ({', '.join(sorted({l for l, _, _ in goal_met}))}; "
              "each compiler).")
            w("")
    return out


def reproduce_section():
    return ["## Reproduce", "", "```sh",
            "bash bench/run.sh            # installs what is missing, builds the bench preset, runs, writes this file",
            "bash bench/run.sh --quick    # shorter runs, GCC-only compile-time sizes, for a look",
            "bash bench/run.sh --clang    # also the newer benchmarks built with Clang (preset bench-clang)",
            "bash bench/run.sh --newer-only --clang   # only the newer benchmarks, both compilers, only their section",
            "```", ""]


def newer_sections_only(stems):
    """Rewrites only the subsections of the newer benchmarks named by stems (each from its own
    results; a subsection not in REPORT.md yet goes at the end of the newer benchmarks' section),
    keeping the others as they are: for a benchmark re-run alone."""
    found, errors = newer_results()
    found = [(section, per) for section, per in found if section["stem"] in stems]
    missing = sorted(set(stems) - {section["stem"] for section, _ in found})
    if missing:
        print("no results in bench/results for: " + " ".join(missing), file=sys.stderr)
        return 1
    lines = newer_section(found)
    text = open(REPORT).read()
    options = next((a.split("=", 1)[1] for a in sys.argv[1:] if a.startswith("--options=")), None)
    for section, _ in found:
        heading = f"### {section['title']}"
        begin = lines.index(heading)
        end = next((i for i in range(begin + 1, len(lines)) if lines[i].startswith("#")), len(lines))
        if options:  # the run's own options, where they are not the section's preamble's
            text_line = next(i for i in range(begin + 1, end) if lines[i].startswith(section["text"][:20]))
            lines[text_line] += f" Options of this run: `{options}`."
        block = "\n".join(lines[begin:end]).rstrip("\n") + "\n"
        own = [e for e in errors if f", {section['stem']}:" in e]
        if own:
            block += "\nFailed checks in this run:\n\n" + "\n".join(f"- {e}" for e in own) + "\n"
        block += "\n"
        if heading in text:
            at = text.index(heading)
            after = min(i for i in (text.find("\n### ", at + 1), text.find("\n## ", at + 1)) if i >= 0) + 1
            text = text[:at] + block + text[after:]
        else:  # before the next section of NEWER's order that REPORT.md has, else at the end
            later = [f"### {s['title']}" for s in NEWER[NEWER.index(section) + 1:]]
            at = next((text.index(h) for h in later if h in text),
                      text.index("\n## ", text.index(NEWER_HEADING) + 1) + 1)
            text = text[:at] + block + text[at:]
    with open(REPORT, "w") as f:
        f.write(text)
    print(f"rewrote {', '.join(s['stem'] for s, _ in found)} in {os.path.relpath(REPORT, ROOT)}")
    return 0


def newer_only():
    """Rewrites only the newer benchmarks' section of an existing REPORT.md (inserted before the
    compile-time section when it is not there yet), from bench/results/ and bench/results/clang/."""
    found, errors = newer_results()
    if not found:
        print("no results of the newer benchmarks in bench/results: run bench/run.sh --newer-only first", file=sys.stderr)
        return 1
    lines = newer_section(found)
    if errors:
        lines += ["Failed checks in these runs:", ""] + [f"- {e}" for e in errors] + [""]
    text = open(REPORT).read()
    if NEWER_HEADING in text:
        begin = text.index(NEWER_HEADING)
        after = text.index("\n## ", begin + 1) + 1
    else:
        begin = after = text.index("## Compile time")
    text = text[:begin] + "\n".join(lines) + "\n" + text[after:]
    text = text[:text.index("## Reproduce")] + "\n".join(reproduce_section())
    with open(REPORT, "w") as f:
        f.write(text)
    print(f"rewrote the newer benchmarks' section and the commands of {os.path.relpath(REPORT, ROOT)}")
    return 0


def main():
    if "--compile-only" in sys.argv[1:]:
        return compile_only()
    if "--newer-only" in sys.argv[1:]:
        stems = [a for a in sys.argv[1:] if not a.startswith("--")]  # --options=... is not a stem
        return newer_sections_only(stems) if stems else newer_only()
    if "--newer-stems" in sys.argv[1:]:  # for bench/run.sh
        print(" ".join(s["stem"] for s in NEWER))
        return 0
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

    newer, newer_errors = newer_results()
    if newer:
        out += newer_section(newer)
    errors += newer_errors

    if compile_rows:
        out += compile_section(compile_rows, has_compile_chart)

    if errors:
        w("## Failed checks")
        w("")
        for e in errors:
            w(f"- {e}")
        w("")

    out += reproduce_section()
    with open(REPORT, "w") as f:
        f.write("\n".join(out))
    print(f"wrote {os.path.relpath(REPORT, ROOT)}, {os.path.relpath(runtime_png, ROOT)}"
          + (f", {os.path.relpath(compile_png, ROOT)}" if has_compile_chart else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
