#!/usr/bin/env python3
"""Benchmark: Taipan's VM against MicroPython (and CPython) on tests/perf_bench.

Usage:
    vm_perf.py MICROPYTHON [--taipan PATH] [--python python3]
               [--perf-bench DIR] [-N 1000] [-M 1000] [--repeat R]
               [--include-viper] [--timeout S] [BENCH ...]
    vm_perf.py MICROPYTHON --corpus DIR [--taipan PATH] [--python python3]
               [--repeat R] [--timeout S] [--include-compile]

Benchmark mode (default).  Each benchmark of MicroPython's
tests/perf_bench (DIR defaults to tests/perf_bench next to the MicroPython
build, i.e. MICROPYTHON/../../../tests/perf_bench) becomes one program, as
tests/run-perfbench.py builds it: the benchmark file, then benchrun.py, then
`bm_run(N, M)` (N, M default to 1000, 1000, run-perfbench.py's values for a
PC).  The program is written to a temporary directory and run from there
with `MICROPYTHON -X emit=bytecode prog.py`, `TAIPAN run --vm prog.py` and
`PYTHON prog.py`.  It times itself: it prints one line
`MICROSECONDS NORM RESULT`, or `SKIP...` when it cannot run there.  Each run
is repeated R times (default 3) and the smallest time is kept; the RESULT
must be the same every time.

The table gives, per benchmark: MicroPython's time, Taipan's time and the
ratio Taipan/MicroPython, CPython's time and the ratio Taipan/CPython, and
whether Taipan's RESULT equals MicroPython's ("ok"; "DIFF" otherwise, "fail"
if Taipan did not produce a result line).  MicroPython's RESULT is itself
checked against the truth the way run-perfbench.py does it (the .exp file if
there is one, else CPython's RESULT, unless RESULT is "None"); a mismatch is
flagged in the last column.  viper_* benchmarks are compiled to native code
by MicroPython whatever the emitter, so they say nothing about a bytecode VM
and are left out unless --include-viper.  The last line is the geometric
mean of Taipan/MicroPython over the benchmarks where both produced the same
result (the issue's target is <= 1.25).

Corpus mode (--corpus DIR).  Every *.py under DIR (sorted, recursively,
skipping lit's Inputs/ directories) is run from its own directory, with the
arguments of its `# ARGS:` line, by CPython, MicroPython and Taipan's VM.
For Taipan the program is first built with `taipan build --vm` and the
executable is timed, so compiling is not included (--include-compile times
`taipan run --vm` instead).  The wall-clock time of each process is
measured (best of R), so start-up is included for every engine.  As in
test/tools/run_e2e.py, the expected stdout and exit status are FILE.py.exp
(+ FILE.py.exp.status) when present, else CPython's; stderr is ignored.
The last lines are the geometric means of Taipan/CPython and
Taipan/MicroPython over the programs where both engines printed what was
expected.

Nothing is asserted about time: the exit status is 0 unless the arguments
are wrong.
"""

import argparse
import math
import os
import shlex
import signal
import subprocess
import sys
import tempfile
import time


def run_process(cmd, cwd, timeout, merge_stderr=True):
    """Runs cmd. Returns (output, returncode or None on timeout, wall seconds);
    output is stdout+stderr, or stdout alone when merge_stderr is false.
    The process group is killed on timeout."""
    started = time.monotonic()
    proc = subprocess.Popen(cmd, cwd=cwd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT if merge_stderr else subprocess.DEVNULL,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        return out, proc.returncode, time.monotonic() - started
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        return out or b"", None, time.monotonic() - started


def geometric_mean(values):
    values = [v for v in values if v and v > 0]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def fmt_ms(us):
    return "%.1f" % (us / 1000.0) if us is not None else "-"


def fmt_ratio(r):
    return "%.2f" % r if r is not None else "-"


# ------------------------------------------------------------ benchmarks

class Outcome:
    """One engine's best run of one benchmark."""

    def __init__(self, micros=None, result=None, status="ok", detail=""):
        self.micros = micros    # smallest self-timed microseconds
        self.result = result    # the RESULT text
        self.status = status    # "ok", "skip", "fail"
        self.detail = detail

    @property
    def ok(self):
        return self.status == "ok"

    def same_result(self, other):
        return self.result == other.result


def parse_bench_output(out, rc):
    """The self-timed line printed by benchrun.bm_run, as run-perfbench.py reads it."""
    text = out.decode("utf-8", "replace").strip()
    if rc is None:
        return Outcome(status="fail", detail="timeout")
    if text == "SKIP" or text.startswith("SKIP"):
        return Outcome(status="skip", detail=text[:60])
    last = text.splitlines()[-1] if text else ""
    fields = last.split(None, 2)
    if rc != 0 or len(fields) < 3:
        return Outcome(status="fail", detail="exit %s: %s" % (rc, last[:80]))
    try:
        micros, norm = int(fields[0]), int(fields[1])
    except ValueError:
        return Outcome(status="fail", detail="bad output: %s" % last[:80])
    if micros < 0 or norm < 0:
        status = "skip" if "SKIP" in fields[2] else "fail"
        return Outcome(status=status, detail=fields[2][:60])
    return Outcome(micros=micros, result=fields[2])


def best_in_turns(cmds, cwd, repeat, timeout, parse, failure):
    """{key: best run} for {key: command}, each run `repeat` times, the
    commands in turns (one run of each per round): a slower spell of the
    machine (another process, the host) then slows a run of every
    implementation rather than all of one implementation's, and the ratios
    of the best runs stay fair. parse(out, rc) makes a run (with .ok,
    .micros and .same_result(other)); failure(text) a failed one. A failed
    run, or one whose result differs from an earlier one, is kept and ends
    that command's turns."""
    best, settled = {}, set()
    for _ in range(repeat):
        for key, cmd in cmds.items():
            if key in settled:
                continue
            out, rc, _ = run_process(cmd, cwd, timeout)
            run = parse(out, rc)
            if run.ok and key in best and not run.same_result(best[key]):
                run = failure("result changes between runs")
            if not run.ok:
                best[key] = run
                settled.add(key)
            elif key not in best or run.micros < best[key].micros:
                best[key] = run
    return best


def best_outcomes(cmds, cwd, repeat, timeout):
    """best_in_turns for benchrun programs: {key: Outcome}."""
    return best_in_turns(cmds, cwd, repeat, timeout, parse_bench_output,
                         lambda text: Outcome(status="fail", detail=text))


def build_program(bench_path, benchrun_path, n, m):
    with open(bench_path, "rb") as f:
        program = f.read()
    with open(benchrun_path, "rb") as f:
        program += f.read()
    return program + b"bm_run(%d, %d)\n" % (n, m)


def truth_for(bench_path, cpython_outcome):
    exp = bench_path + ".exp"
    if os.path.isfile(exp):
        with open(exp) as f:
            return f.read().strip()
    return cpython_outcome.result if cpython_outcome.status == "ok" else None


def run_benchmarks(args):
    bench_dir = args.perf_bench or os.path.join(
        os.path.dirname(os.path.abspath(args.micropython)), "..", "..", "..", "tests",
        "perf_bench")
    bench_dir = os.path.abspath(bench_dir)
    benchrun = os.path.join(bench_dir, "benchrun.py")
    if not os.path.isfile(benchrun):
        sys.exit("vm_perf: no benchrun.py in %s (use --perf-bench DIR)" % bench_dir)
    names = args.benchmarks or sorted(
        n for n in os.listdir(bench_dir) if n.endswith(".py") and n != "benchrun.py")

    print("vm_perf: N=%d M=%d, best of %d, times in ms (self-timed by benchrun.py)"
          % (args.N, args.M, args.repeat))
    header = "%-26s %10s %10s %7s %10s %7s  %s" % (
        "benchmark", "micropy", "taipan", "t/mp", "cpython", "t/cpy", "result")
    print(header)
    print("-" * len(header))
    ratios = []
    with tempfile.TemporaryDirectory(prefix="vm_perf-") as tmp:
        for name in names:
            if name.startswith("viper_") and not args.include_viper:
                print("%-26s %s" % (name, "skipped: viper code is native in MicroPython"))
                continue
            bench_path = os.path.join(bench_dir, name)
            with open(os.path.join(tmp, "prog.py"), "wb") as f:
                f.write(build_program(bench_path, benchrun, args.N, args.M))
            cmds = {"mp": [os.path.abspath(args.micropython), "-X", "emit=bytecode", "prog.py"],
                    "cpy": [args.python, "prog.py"]}
            if args.taipan:
                cmds["tp"] = [os.path.abspath(args.taipan), "run", "--vm", "prog.py"]
            runs = best_outcomes(cmds, tmp, args.repeat, args.timeout)
            mp, cpy = runs["mp"], runs["cpy"]
            tp = runs.get("tp", Outcome(status="skip", detail="no --taipan"))
            ratios.append(report_benchmark(name, bench_path, mp, tp, cpy))
    print("-" * len(header))
    gm = geometric_mean([r for r in ratios if r is not None])
    print("vm_perf: geometric mean Taipan/MicroPython over %d benchmarks: %s "
          "(target <= 1.25); %d benchmarks without a matching Taipan result are "
          "not in it" % (sum(r is not None for r in ratios),
                         "%.3f" % gm if gm is not None else "n/a",
                         sum(r is None for r in ratios)))


def report_benchmark(name, bench_path, mp, tp, cpy):
    """Prints one table row; returns the Taipan/MicroPython ratio when it counts."""
    notes = []
    if mp.status != "ok":
        print("%-26s MicroPython %s: %s" % (name, mp.status, mp.detail))
        return None
    if tp.status == "ok":
        verdict = "ok" if tp.result == mp.result else "DIFF"
    else:
        verdict = "%s (%s)" % (tp.status, tp.detail)
    truth = truth_for(bench_path, cpy)
    if mp.result != "None" and truth is not None and truth != mp.result:
        notes.append("MicroPython result differs from truth")
    ok = tp.status == "ok" and tp.result == mp.result
    ratio_mp = tp.micros / mp.micros if ok and mp.micros else None
    ratio_cpy = (tp.micros / cpy.micros if ok and cpy.status == "ok" and cpy.micros
                 else None)
    print("%-26s %10s %10s %7s %10s %7s  %s%s" % (
        name, fmt_ms(mp.micros), fmt_ms(tp.micros if tp.status == "ok" else None),
        fmt_ratio(ratio_mp), fmt_ms(cpy.micros if cpy.status == "ok" else None),
        fmt_ratio(ratio_cpy), verdict, ("  [" + "; ".join(notes) + "]") if notes else ""))
    sys.stdout.flush()
    return ratio_mp


# ---------------------------------------------------------------- corpus

ARGS_PREFIX = "# ARGS:"


def corpus_files(root):
    """*.py under root, except lit's Inputs/ directories (helper modules)."""
    found = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d not in ("Inputs", "__pycache__"))
        found += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(".py")]
    return found


def program_args(path):
    """Arguments from the program's `# ARGS:` line, as test/tools/run_e2e.py does."""
    with open(path, encoding="utf-8", errors="replace") as f:
        for line in f:
            if line.startswith(ARGS_PREFIX):
                return shlex.split(line[len(ARGS_PREFIX):])
    return []


def expected_for(path, cpy_out, cpy_rc):
    """(stdout, status): FILE.py.exp (+ .exp.status) if present, else CPython's."""
    if os.path.isfile(path + ".exp"):
        with open(path + ".exp", "rb") as f:
            out = f.read()
        status = 0
        if os.path.isfile(path + ".exp.status"):
            with open(path + ".exp.status") as f:
                status = int(f.read().strip() or 0)
        return out, status
    return cpy_out, cpy_rc


def timed_best(cmd, cwd, repeat, timeout):
    """(stdout, returncode, best wall seconds); (.., None, None) on timeout."""
    best = None
    out, rc = b"", None
    for _ in range(repeat):
        out, rc, secs = run_process(cmd, cwd, timeout, merge_stderr=False)
        if rc is None:
            return out, None, None
        best = secs if best is None else min(best, secs)
    return out, rc, best


def taipan_command(args, path, exe):
    """The command that runs the program on Taipan's VM: the executable
    `taipan build --vm` made (so compiling is not timed), or `taipan run --vm`
    with --include-compile. None if the build failed."""
    base = os.path.basename(path)
    if args.include_compile:
        return [os.path.abspath(args.taipan), "run", "--vm", base]
    out, rc, _ = run_process([os.path.abspath(args.taipan), "build", "--vm", "-o", exe, base],
                             os.path.dirname(path), args.timeout)
    return [exe] if rc == 0 and os.path.isfile(exe) else None


def run_corpus(args):
    root = os.path.abspath(args.corpus)
    files = corpus_files(root)
    print("vm_perf corpus: %d programs under %s, best of %d, wall ms per process%s"
          % (len(files), root, args.repeat,
             " (Taipan: run --vm, compile included)" if args.include_compile
             else " (Taipan: the executable built by build --vm)"))
    header = "%-40s %9s %9s %9s %7s %7s  %s" % (
        "program", "cpython", "micropy", "taipan", "t/cpy", "t/mp", "stdout+status")
    print(header)
    print("-" * len(header))
    vs_cpy, vs_mp = [], []
    with tempfile.TemporaryDirectory(prefix="vm_perf-corpus-") as tmp:
        for index, path in enumerate(files):
            cwd, base = os.path.dirname(path), os.path.basename(path)
            extra = program_args(path)
            cpy_out, cpy_rc, cpy_t = timed_best([args.python, base] + extra, cwd,
                                                args.repeat, args.timeout)
            want = expected_for(path, cpy_out, cpy_rc)
            mp_out, mp_rc, mp_t = timed_best(
                [os.path.abspath(args.micropython), "-X", "emit=bytecode", base] + extra,
                cwd, args.repeat, args.timeout)
            tp_t = None
            if not args.taipan:
                verdict = "no --taipan"
            else:
                cmd = taipan_command(args, path, os.path.join(tmp, "prog%d" % index))
                if cmd is None:
                    verdict = "build failed"
                else:
                    tp_out, tp_rc, tp_t = timed_best(cmd + extra, cwd, args.repeat,
                                                     args.timeout)
                    if tp_t is None:
                        verdict = "timeout"
                    elif (tp_out, tp_rc) == want:
                        verdict = "same"
                    else:
                        verdict = "DIFF (exit %s, want %s)" % (tp_rc, want[1])
            same = verdict == "same"
            cpy_ok = (cpy_out, cpy_rc) == want and cpy_t is not None
            mp_ok = (mp_out, mp_rc) == want and mp_t is not None
            r_cpy = tp_t / cpy_t if same and cpy_ok and cpy_t else None
            r_mp = tp_t / mp_t if same and mp_ok and mp_t else None
            if r_cpy is not None:
                vs_cpy.append(r_cpy)
            if r_mp is not None:
                vs_mp.append(r_mp)
            ms = lambda t, ok: ("%.1f" % (t * 1000) + ("" if ok else "*")
                                if t is not None else "-")
            print("%-40s %9s %9s %9s %7s %7s  %s" % (
                os.path.relpath(path, root)[-40:], ms(cpy_t, cpy_ok), ms(mp_t, mp_ok),
                ms(tp_t, True), fmt_ratio(r_cpy), fmt_ratio(r_mp), verdict))
            sys.stdout.flush()
    print("-" * len(header))
    print("(* = that engine's stdout or exit status differs from the expected; "
          "not used in ratios)")
    for label, values in (("CPython", vs_cpy), ("MicroPython", vs_mp)):
        gm = geometric_mean(values)
        print("vm_perf corpus: geometric mean Taipan/%s over %d programs: %s"
              % (label, len(values), "%.3f" % gm if gm is not None else "n/a"))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("micropython", help="unix-port MicroPython binary")
    ap.add_argument("benchmarks", nargs="*", help="benchmark file names (default: all)")
    ap.add_argument("--taipan", help="taipan driver (without it only the references run)")
    ap.add_argument("--python", default="python3")
    ap.add_argument("--perf-bench", help="MicroPython's tests/perf_bench directory")
    ap.add_argument("-N", type=int, default=1000, help="run-perfbench.py's N (CPU MHz)")
    ap.add_argument("-M", type=int, default=1000, help="run-perfbench.py's M (heap KB)")
    ap.add_argument("--repeat", type=int, default=3, help="runs per engine, best kept")
    ap.add_argument("--timeout", type=float, default=300.0, help="seconds per run")
    ap.add_argument("--include-viper", action="store_true")
    ap.add_argument("--corpus", help="time the *.py programs under DIR instead")
    ap.add_argument("--include-compile", action="store_true",
                    help="corpus mode: time `taipan run --vm` (compile + run) instead of "
                    "the executable `taipan build --vm` made")
    args = ap.parse_args()
    if args.repeat < 1:
        ap.error("--repeat must be at least 1")
    if args.corpus:
        run_corpus(args)
    else:
        run_benchmarks(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
