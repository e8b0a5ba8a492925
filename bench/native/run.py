#!/usr/bin/env python3
"""Benchmark: Taipan's native backend against C, CPython and MicroPython.

Usage:
    run.py --taipan PATH [--micropython PATH] [--python3 python3]
           [--clang clang-22] [--repeat N] [--perf-bench DIR [--perf-only]] [--no-vm]
           [--arg KERNEL=ARGS] [-N 1000] [-M 1000] [--include-viper]
           [--timeout S] [NAME ...]

Kernels.  Every kernel is a pair of programs under kernels/: NAME.py
(ordinary Python that also runs on CPython and MicroPython) and NAME.c (the
same algorithm, problem size and output).  Each implementation is run in
this one invocation:

    native   the executable `taipan build NAME.py -o EXE` makes
    vm       the executable `taipan build --vm NAME.py -o EXE` makes
             (a reference; --no-vm leaves it out)
    C        clang -O2 -ffp-contract=off NAME.c -lm
    CPython  python3 NAME.py
    micropy  micropython NAME.py (only with --micropython)

A program times its own kernel (ticks_us/ticks_diff where the time module has
them, else perf_counter; clock_gettime in C) and prints `time_us N` on a line
of its own, so process start-up and compiling are not measured.  Every other
line it prints is a result line.  Each implementation runs --repeat times
(default 3), in turns (one run of each per round, so that a slower spell of
the machine slows every implementation alike), the smallest time is kept, and
its result lines must be the same every time.  The reference result is CPython's (C's when CPython failed); an
implementation whose result lines differ is reported and gets no ratio.  The
columns nat/C and vm/C are Taipan's time over C's (the issue's target for
native is <= 2), cpy/nat and mp/nat are CPython's and MicroPython's time over
Taipan native's (speed-ups: above 1 means Taipan is faster).  The last row
holds the geometric means of each ratio column.  --arg KERNEL=ARGS passes
ARGS (split like a shell would) to every implementation of that kernel, to
change the problem size.

perf_bench (--perf-bench DIR, MicroPython's tests/perf_bench; needs
--micropython).  Each benchmark becomes one program exactly as bench/vm_perf.py
builds it (the benchmark, then benchrun.py, then `bm_run(N, M)`), and is run
by MicroPython (`-X emit=bytecode`, as vm_perf.py), CPython and the
executable `taipan build prog.py -o EXE` makes (native; the build is not
timed).  A benchmark counts only when Taipan's RESULT equals MicroPython's;
failures (build, run, different result, SKIP where MicroPython runs it) are
printed and counted.  The summary gives the geometric mean speed-up
MicroPython/Taipan over the bm_*, core_* and misc_* benchmarks (the issue's
target is >= 10) and how many of them Taipan runs faster than CPython (target:
at least 12).  viper_* benchmarks are left out unless --include-viper, and
are never in the summary.

NAME arguments select what runs: a kernel name selects that kernel, a
perf_bench file name (with or without .py) that benchmark; with no NAME every
kernel runs, and every benchmark when --perf-bench is given (--perf-only
leaves the kernels out).

Nothing is asserted about time: the exit status is 0 unless the arguments are
wrong or a tool is missing.
"""

import argparse
import os
import shlex
import sys
import tempfile

BENCH_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, BENCH_DIR)
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
import vm_perf  # noqa: E402  (shared process running, parsing and formatting)

KERNEL_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "kernels")
TIME_PREFIX = "time_us"
C_FLAGS = ["-O2", "-ffp-contract=off"]
SUMMARY_PREFIXES = ("bm_", "core_", "misc_")


# ------------------------------------------------------------ kernels

class Run:
    """One implementation's best run of one kernel."""

    def __init__(self, micros=None, lines=None, error=None):
        self.micros = micros    # smallest self-timed microseconds
        self.lines = lines      # result lines (everything but time_us)
        self.error = error      # why there is no result, or None

    @property
    def ok(self):
        return self.error is None

    def same_result(self, other):
        return self.lines == other.lines


def parse_kernel_output(out, rc):
    """A kernel's stdout: its result lines and its `time_us N`."""
    if rc is None:
        return Run(error="timeout")
    text = out.decode("utf-8", "replace")
    lines, micros = [], None
    for line in text.splitlines():
        fields = line.split()
        if len(fields) == 2 and fields[0] == TIME_PREFIX:
            try:
                micros = int(fields[1])
            except ValueError:
                pass
        elif line.strip():
            lines.append(line.rstrip())
    if rc != 0:
        last = text.strip().splitlines()[-1] if text.strip() else ""
        return Run(error="exit %s: %s" % (rc, last[:70]))
    if micros is None:
        return Run(error="no time_us line")
    return Run(micros=micros, lines=lines)


def build(cmd, cwd, exe, timeout):
    """Runs a compiler; returns None when exe was made, else the error text."""
    out, rc, _ = vm_perf.run_process(cmd, cwd, timeout)
    if rc == 0 and os.path.isfile(exe):
        return None
    text = out.decode("utf-8", "replace").strip()
    first = text.splitlines()[0] if text else "exit %s" % rc
    return "build failed: %s" % first[:70]


def kernel_commands(args, name, tmp):
    """{implementation: command or error string}, building what needs it."""
    py = os.path.join(KERNEL_DIR, name + ".py")
    c = os.path.join(KERNEL_DIR, name + ".c")
    taipan = os.path.abspath(args.taipan)
    commands = {}
    modes = [("native", [])] + ([] if args.no_vm else [("vm", ["--vm"])])
    for impl, flags in modes:
        exe = os.path.join(tmp, "%s-%s" % (name, impl))
        err = build([taipan, "build", "-O" + args.opt] + flags + [py, "-o", exe], KERNEL_DIR, exe,
                    args.timeout)
        commands[impl] = err or [exe]
    exe = os.path.join(tmp, name + "-c")
    err = build([args.clang] + C_FLAGS + [c, "-o", exe, "-lm"], KERNEL_DIR, exe, args.timeout)
    commands["C"] = err or [exe]
    commands["cpython"] = [args.python3, py]
    if args.micropython:
        commands["micropy"] = [os.path.abspath(args.micropython), py]
    return commands


IMPLS = ("C", "native", "vm", "cpython", "micropy")  # the table's column order


def run_kernel(args, name, tmp):
    """{implementation: Run} for one kernel."""
    extra = shlex.split(args.kernel_args.get(name, ""))
    commands = kernel_commands(args, name, tmp)
    runs = {impl: Run(error=cmd) for impl, cmd in commands.items() if isinstance(cmd, str)}
    runnable = {impl: cmd + extra for impl, cmd in commands.items() if not isinstance(cmd, str)}
    runs.update(vm_perf.best_in_turns(runnable, KERNEL_DIR, args.repeat, args.timeout, parse_kernel_output,
                                      lambda text: Run(error=text)))
    return runs


def reference_lines(runs):
    for impl in ("cpython", "C"):
        if impl in runs and runs[impl].ok:
            return runs[impl].lines
    return None


def checked_micros(runs, impl, want):
    """impl's time if it ran and printed the reference result, else None."""
    run = runs.get(impl)
    if run is None or not run.ok or want is None or run.lines != want:
        return None
    return run.micros


def ratio(numerator, denominator):
    if numerator is None or not denominator:
        return None
    return numerator / denominator


def verdict(runs, want):
    """'ok', or what went wrong for each implementation that went wrong."""
    if want is None:
        return "no reference result (CPython and C both failed)"
    problems = []
    for impl in IMPLS:
        run = runs.get(impl)
        if run is None:
            continue
        if not run.ok:
            problems.append("%s %s" % (impl, run.error))
        elif run.lines != want:
            problems.append("%s DIFF %r" % (impl, " | ".join(run.lines)[:60]))
    return "; ".join(problems) if problems else "ok"


KERNEL_RATIOS = (("nat/C", "native", "C"), ("vm/C", "vm", "C"),
                 ("cpy/nat", "cpython", "native"), ("mp/nat", "micropy", "native"))


def run_kernels(args, names):
    print("kernels: Taipan -O%s, best of %d, self-timed ms; nat/C and vm/C = Taipan time / C time "
          "(target for native <= 2); cpy/nat and mp/nat = speed-up of Taipan native "
          "over CPython and MicroPython" % (args.opt, args.repeat))
    header = "%-14s %8s %8s %8s %8s %8s %7s %7s %7s %7s  %s" % (
        "kernel", "C", "native", "vm", "cpython", "micropy",
        "nat/C", "vm/C", "cpy/nat", "mp/nat", "result")
    print(header)
    print("-" * len(header))
    columns = {label: [] for label, _, _ in KERNEL_RATIOS}
    failures = 0
    with tempfile.TemporaryDirectory(prefix="native-bench-") as tmp:
        for name in names:
            runs = run_kernel(args, name, tmp)
            want = reference_lines(runs)
            micros = {impl: checked_micros(runs, impl, want) for impl in IMPLS}
            row = []
            for label, num, den in KERNEL_RATIOS:
                r = ratio(micros[num], micros[den])
                if r is not None:
                    columns[label].append(r)
                row.append(vm_perf.fmt_ratio(r))
            text = verdict(runs, want)
            failures += text != "ok"
            print("%-14s %8s %8s %8s %8s %8s %7s %7s %7s %7s  %s" % (
                (name,) + tuple(vm_perf.fmt_ms(micros[i]) for i in IMPLS) + tuple(row)
                + (text,)))
            sys.stdout.flush()
    print("-" * len(header))
    means = [vm_perf.geometric_mean(columns[label]) for label, _, _ in KERNEL_RATIOS]
    print("%-14s %8s %8s %8s %8s %8s %7s %7s %7s %7s" % (
        ("geomean", "", "", "", "", "") + tuple(vm_perf.fmt_ratio(m) for m in means)))
    print("kernels: %d of %d with every implementation agreeing; nat/C geometric mean "
          "%s over %d kernels (target <= 2)"
          % (len(names) - failures, len(names), vm_perf.fmt_ratio(means[0]),
             len(columns["nat/C"])))


# ---------------------------------------------------------- perf_bench

def build_native(args, prog_dir, exe):
    """Builds prog.py natively; None when built, else a failed vm_perf.Outcome."""
    err = build([os.path.abspath(args.taipan), "build", "-O" + args.opt, "prog.py", "-o", exe], prog_dir,
                exe, args.timeout)
    return vm_perf.Outcome(status="fail", detail=err) if err else None


def perf_row(name, bench_path, mp, tp, cpy):
    """Prints one row; returns (speed-up over MicroPython, faster than CPython,
    failure text), the first two None when they do not count."""
    if mp.status != "ok":
        print("%-26s MicroPython %s: %s" % (name, mp.status, mp.detail))
        return None, None, None
    notes = []
    truth = vm_perf.truth_for(bench_path, cpy)
    if mp.result != "None" and truth is not None and truth != mp.result:
        notes.append("MicroPython result differs from truth")
    ok = tp.status == "ok" and tp.result == mp.result
    if ok:
        failure = None
    elif tp.status == "ok":
        failure = "DIFF: %s" % tp.result[:50]
    else:
        failure = "%s (%s)" % (tp.status.upper(), tp.detail)
    speedup = mp.micros / tp.micros if ok and tp.micros else None
    cpy_speedup = (cpy.micros / tp.micros if ok and tp.micros and cpy.status == "ok"
                   else None)
    print("%-26s %10s %10s %8s %10s %8s  %s%s" % (
        name, vm_perf.fmt_ms(mp.micros), vm_perf.fmt_ms(tp.micros if ok else None),
        vm_perf.fmt_ratio(speedup), vm_perf.fmt_ms(cpy.micros if cpy.status == "ok" else None),
        vm_perf.fmt_ratio(cpy_speedup), failure or "ok",
        ("  [" + "; ".join(notes) + "]") if notes else ""))
    sys.stdout.flush()
    faster = cpy_speedup > 1.0 if cpy_speedup is not None else None
    return speedup, faster, failure


def run_perf_bench(args, names):
    bench_dir = os.path.abspath(args.perf_bench)
    benchrun = os.path.join(bench_dir, "benchrun.py")
    print("perf_bench: %s, N=%d M=%d, Taipan -O%s, best of %d, self-timed ms; mp/t and cpy/t = "
          "speed-up of Taipan native over MicroPython and CPython" % (bench_dir, args.N, args.M,
                                                                     args.opt, args.repeat))
    header = "%-26s %10s %10s %8s %10s %8s  %s" % (
        "benchmark", "micropy", "taipan", "mp/t", "cpython", "cpy/t", "result")
    print(header)
    print("-" * len(header))
    speedups, faster, failures = [], [], []
    counted = 0
    with tempfile.TemporaryDirectory(prefix="native-perf-") as tmp:
        for index, name in enumerate(names):
            in_summary = name.startswith(SUMMARY_PREFIXES)
            bench_path = os.path.join(bench_dir, name)
            with open(os.path.join(tmp, "prog.py"), "wb") as f:
                f.write(vm_perf.build_program(bench_path, benchrun, args.N, args.M))
            exe = os.path.join(tmp, "prog%d" % index)
            failed_build = build_native(args, tmp, exe)
            cmds = {"mp": [os.path.abspath(args.micropython), "-X", "emit=bytecode", "prog.py"],
                    "cpy": [args.python3, "prog.py"]}
            if not failed_build:
                cmds["tp"] = [exe]
            runs = vm_perf.best_outcomes(cmds, tmp, args.repeat, args.timeout)
            mp, cpy, tp = runs["mp"], runs["cpy"], failed_build or runs["tp"]
            speedup, is_faster, failure = perf_row(name, bench_path, mp, tp, cpy)
            if not in_summary:
                continue
            counted += 1
            if failure:
                failures.append(name)
            if speedup is not None:
                speedups.append(speedup)
            if is_faster is not None:
                faster.append(is_faster)
    print("-" * len(header))
    gm = vm_perf.geometric_mean(speedups)
    print("perf_bench: geometric mean speed-up MicroPython/Taipan over %d checked "
          "bm_/core_/misc_ benchmarks: %s (target >= 10)"
          % (len(speedups), "%.2f" % gm if gm is not None else "n/a"))
    print("perf_bench: faster than CPython: %d of %d bm_/core_/misc_ benchmarks with a "
          "checked Taipan result and a CPython time (target >= 12)"
          % (sum(faster), len(faster)))
    print("perf_bench: %d of %d bm_/core_/misc_ benchmarks failed or differ%s"
          % (len(failures), counted, (": " + ", ".join(failures)) if failures else ""))


# ---------------------------------------------------------------- main

def select(args, parser):
    """(kernel names, perf_bench file names) to run."""
    kernels = sorted(n[:-3] for n in os.listdir(KERNEL_DIR) if n.endswith(".py"))
    benches = []
    if args.perf_bench:
        bench_dir = os.path.abspath(args.perf_bench)
        if not os.path.isfile(os.path.join(bench_dir, "benchrun.py")):
            parser.error("no benchrun.py in %s" % bench_dir)
        benches = sorted(n for n in os.listdir(bench_dir)
                         if n.endswith(".py") and n != "benchrun.py"
                         and (args.include_viper or not n.startswith("viper_")))
    if not args.names:
        return kernels, benches
    chosen_k, chosen_b = [], []
    for name in args.names:
        if name in kernels:
            chosen_k.append(name)
        elif name in benches or name + ".py" in benches:
            chosen_b.append(name if name.endswith(".py") else name + ".py")
        elif name.startswith("viper_") and args.perf_bench and not args.include_viper:
            parser.error("%s is a viper benchmark: add --include-viper" % name)
        else:
            parser.error("%s is neither a kernel (%s) nor a perf_bench benchmark%s"
                         % (name, ", ".join(kernels),
                            "" if args.perf_bench else " (no --perf-bench)"))
    return chosen_k, chosen_b


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("names", nargs="*", metavar="NAME",
                    help="kernels and perf_bench benchmarks to run (default: all)")
    ap.add_argument("--taipan", required=True, help="the taipan driver")
    ap.add_argument("--micropython", help="unix-port MicroPython binary")
    ap.add_argument("--python3", default="python3", help="CPython")
    ap.add_argument("--clang", default="clang-22", help="C compiler for the kernels")
    ap.add_argument("--repeat", type=int, default=3, help="runs per implementation, best kept")
    ap.add_argument("--opt", default="2", choices=["0", "1", "2", "3", "s"],
                    help="Taipan's optimisation level for the native builds (-O3: no native "
                         "frames in tracebacks)")
    ap.add_argument("--perf-bench", help="MicroPython's tests/perf_bench directory")
    ap.add_argument("--no-vm", action="store_true", help="kernels: skip the --vm reference")
    ap.add_argument("--perf-only", action="store_true",
                    help="run only the perf_bench benchmarks, no kernels")
    ap.add_argument("--arg", action="append", default=[], metavar="KERNEL=ARGS",
                    help="arguments for one kernel's programs (its problem size)")
    ap.add_argument("-N", type=int, default=1000, help="perf_bench: run-perfbench.py's N")
    ap.add_argument("-M", type=int, default=1000, help="perf_bench: run-perfbench.py's M")
    ap.add_argument("--include-viper", action="store_true",
                    help="perf_bench: also run viper_* (never in the summary)")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per process")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.perf_bench and not args.micropython:
        ap.error("--perf-bench needs --micropython")
    args.kernel_args = {}
    for item in args.arg:
        name, sep, value = item.partition("=")
        if not sep:
            ap.error("--arg wants KERNEL=ARGS, not %r" % item)
        args.kernel_args[name] = value
    if args.perf_only and not args.perf_bench:
        ap.error("--perf-only needs --perf-bench")
    kernels, benches = select(args, ap)
    if args.perf_only:
        kernels = []
    if kernels:
        run_kernels(args, kernels)
    if benches:
        if kernels:
            print()
        run_perf_bench(args, benches)
    return 0


if __name__ == "__main__":
    sys.exit(main())
