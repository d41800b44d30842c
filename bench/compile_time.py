#!/usr/bin/env python3
"""Compile-time cost of leibniz as expressions grow.

Generates small translation units (a nested chain of depth n, the product of n variables, the
2-4-1 network, the bundle-adjustment residual), each in two modes: `d` (every partial derivative
by d(f, x_i), evaluated) and `gradient` (gradient() or jacobian(), evaluated); and models of
realistic size in `gradient` mode only, written as a user would with families and sum<N>: a dense
tanh network 16-H-1 (`mlp`, n = weights), the Gaussian-mixture log-likelihood of one point with
d = 10 and K components (`gmm`, n = parameters: ADBench's objective), and a sum of N terms over a
family of N (`sum`). Compiles each with GCC 12 and Clang 14 (-std=c++20 -O2 -c), recording wall
time, peak memory (/usr/bin/time -v, "Maximum resident set size") and, for `gradient`, the number
of nodes of the graph (read from a symbol the unit instantiates). Writes bench/compile_time.csv.

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
// the graph's size, as a symbol of the object file (compile_time.py reads it with nm)
template <std::size_t N> int graph_size_marker = 0;  // a variable: kept at -O2, unlike an inlined function
template <class F> void mark_graph_size(F const&) { ++graph_size_marker<detail::graph_nodes<typename detail::tree_of<F>::type>::size>; }
template <std::size_t I> inline constexpr std::integral_constant<std::size_t, I> at{};
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
        lines.append("    mark_graph_size(f);")
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


def model_source(body, wrt, binds):
    """A TU evaluating the gradient of the model `f` defined by body (statements), by wrt."""
    lines = [PRELUDE, "using namespace leibniz::literals;", "void sink(double);", body, "void run() {",
             "    auto const f = model();", "    mark_graph_size(f);",
             f"    auto g = gradient(f, {wrt})({binds});", "    for (double v : g) sink(v);", "}"]
    return "\n".join(lines) + "\n"


def mlp(hidden, inputs=16):
    """Dense tanh network inputs-hidden-1, squared loss: n = inputs*hidden + 2*hidden + 1 weights."""
    n = inputs * hidden + 2 * hidden + 1
    body = f"""constexpr var_array<"w", {n}> w; constexpr var_array<"x", {inputs}> x; constexpr var<"y"> y;
std::array<double, {n}> ws; std::array<double, {inputs}> xs;
auto model() {{
    auto hidden = [](auto j) {{
        constexpr std::size_t J = decltype(j)::value;
        return tanh(sum<{inputs}>([](auto i) {{ return w[at<J * {inputs} + decltype(i)::value>] * x[i]; }}) + w[at<{inputs * hidden} + J>]);
    }};
    auto out = sum<{hidden}>([&](auto j) {{ return w[at<{inputs * hidden + hidden} + decltype(j)::value>] * hidden(j); }}) + w[at<{n - 1}>];
    return square(out - y);
}}"""
    return n, model_source(body, "w", "w = ws, x = xs, y = 1.0")


def gmm(components, d=10):
    """ADBench's GMM objective for one point: log sum_k exp(alpha_k + sum_j q_kj - |Q_k (x - mu_k)|^2 / 2)
    - log sum_k exp(alpha_k), Q_k = diag(exp(q_k)) + strictly lower L_k; n = K (1 + 2 d + d (d - 1) / 2)."""
    K, tri = components, d * (d - 1) // 2
    n = K * (1 + 2 * d + tri)
    body = f"""constexpr var_array<"alpha", {K}> alpha; constexpr var_array<"mu", {K * d}> mu;
constexpr var_array<"q", {K * d}> q; constexpr var_array<"l", {K * tri}> l; constexpr var_array<"x", {d}> x;
std::array<double, {K}> as; std::array<double, {K * d}> mus, qs; std::array<double, {K * tri}> ls; std::array<double, {d}> xs;
// row R of L_k (strictly lower, packed by rows) times the centred point
template <std::size_t K, std::size_t R> constexpr auto lower_row() {{
    if constexpr (R == 0) return 0_c;
    else return sum<R>([](auto j) {{ return l[at<K * {tri} + R * (R - 1) / 2 + decltype(j)::value>] * (x[j] - mu[at<K * {d} + decltype(j)::value>]); }});
}}
auto model() {{
    auto component = [](auto k) {{
        constexpr std::size_t K = decltype(k)::value;
        auto qx = sum<{d}>([](auto r) {{
            constexpr std::size_t R = decltype(r)::value;
            return square(exp(q[at<K * {d} + R>]) * (x[r] - mu[at<K * {d} + R>]) + lower_row<K, R>());
        }});
        auto logdet = sum<{d}>([](auto j) {{ return q[at<K * {d} + decltype(j)::value>]; }});
        return exp(alpha[k] + logdet - 0.5_c * qx);
    }};
    return log(sum<{K}>(component)) - log(sum<{K}>([](auto k) {{ return exp(alpha[k]); }}));
}}"""
    return n, model_source(body, "alpha, mu, q, l", "alpha = as, mu = mus, q = qs, l = ls, x = xs")


def wide_sum(terms):
    """sum_i a_i x^(i mod 5 + 1) over a family of `terms` coefficients, differentiated by a and x."""
    body = f"""constexpr var_array<"a", {terms}> a; constexpr var<"x"> x;
std::array<double, {terms}> as;
auto model() {{ return sum<{terms}>([](auto i) {{ return a[i] * pow(x, c<decltype(i)::value % 5 + 1>); }}); }}"""
    return terms, model_source(body, "a, x", "a = as, x = 0.8")


def graph_size(obj):
    """The graph's node count, from the graph_size_marker symbol of an object file ("" if none)."""
    try:
        names = subprocess.run(["nm", obj], capture_output=True, text=True).stdout
    except OSError:
        return ""
    found = re.search(r"graph_size_markerILm(\d+)E", names)
    return found.group(1) if found else ""


def compile_one(compiler, path, timeout):
    obj = path + ".o"
    cmd = ["/usr/bin/time", "-v", compiler, "-std=c++20", "-O2", "-c", f"-I{ROOT}/include", path, "-o", obj]
    start = time.monotonic()
    try:
        proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, None, f"timeout after {timeout} s", ""
    wall = time.monotonic() - start
    rss = re.search(r"Maximum resident set size \(kbytes\): (\d+)", proc.stderr)
    if proc.returncode != 0:
        first_error = next((l for l in proc.stderr.splitlines() if "error" in l), proc.stderr[-300:])
        return wall, int(rss.group(1)) / 1024.0 if rss else None, "failed: " + first_error[:200], ""
    nodes = graph_size(obj)
    os.remove(obj)
    return wall, int(rss.group(1)) / 1024.0, "ok", nodes


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smaller sizes, GCC only")
    parser.add_argument("--timeout", type=int, default=240, help="seconds per compilation")
    parser.add_argument("--only", action="append", default=[], metavar="PROBLEM",
                        help="measure only this problem (chain, product, network, bundle_adjustment, mlp, gmm, "
                             "sum); repeatable")
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
    # models of realistic size: gradient only (d of every weight would be thousands of derivatives)
    for hidden in ([4, 8] if args.quick else [4, 8, 16, 32]):
        n, text = mlp(hidden)
        cases.append(("mlp", n, lambda mode, text=text: text if mode == "gradient" else None))
    for k in ([2] if args.quick else [2, 5, 10, 25]):
        n, text = gmm(k)
        cases.append(("gmm", n, lambda mode, text=text: text if mode == "gradient" else None))
    for terms in ([128] if args.quick else [128, 256, 512, 1024]):
        n, text = wide_sum(terms)
        cases.append(("sum", n, lambda mode, text=text: text if mode == "gradient" else None))
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
                text = make(mode)
                if text is None:
                    continue
                path = os.path.join(tmp, f"{problem}_{size}_{mode}.cpp")
                with open(path, "w") as f:
                    f.write(text)
                for compiler in compilers:
                    wall, rss, status, nodes = compile_one(compiler, path, args.timeout)
                    rows.append({"problem": problem, "size": size, "mode": mode, "compiler": compiler,
                                 "seconds": f"{wall:.2f}" if wall is not None else "",
                                 "peak_mib": f"{rss:.0f}" if rss is not None else "", "status": status,
                                 "nodes": nodes})
                    print(f"{problem:18} n={size:<4} {mode:8} {compiler:8} "
                          f"{rows[-1]['seconds']:>7} s {rows[-1]['peak_mib']:>6} MiB  {nodes:>5} nodes  {status}",
                          flush=True)
    with open(OUT, "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        writer.writeheader()
        order = {name: i for i, name in enumerate(["chain", "product", "network", "bundle_adjustment", "mlp", "gmm", "sum"])}
        for r in kept:
            r.setdefault("nodes", "")
        writer.writerows(sorted(kept + rows, key=lambda r: (order.get(r["problem"], 9), int(r["size"]))))
    print(f"wrote {os.path.relpath(OUT, ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
