#!/usr/bin/env python3
"""Measurement: do Taipan's .mpy files and MicroPython's interoperate?

Usage:
    check_mpy_interop.py MICROPYTHON MPY_CROSS TAIPAN TESTS_DIR
                         [--dirs basics,float,unicode,misc,stress,micropython]
                         [--runner PATH] [-j N] [--timeout S] [--filter REGEX]
                         [--list-failures]

For every *.py test F of the chosen directories of MicroPython's tests/
(module name M = F's stem), in a fresh temporary directory per test that
also links F's sibling sub-directories, data files and the sibling modules
F names:

  reference  MicroPython imports M.py:  `MICROPYTHON -c 'import M'`.
  baseline   `MPY_CROSS -o M.mpy M.py`, then MicroPython imports that M.mpy.
             A test counts only if baseline == reference (its output does
             not depend on running from source, on addresses or on time)
             and the reference does not print SKIP.
  (a) taipan -> micropython
             `TAIPAN mpy --emit=bytecode M.py -o M.mpy`, then MicroPython
             imports Taipan's M.mpy; its output must equal the reference.
  (b) mpy-cross -> taipan
             `taipan-mpy-run M.mpy` runs mpy-cross's M.mpy in Taipan's
             runtime; its output must equal the baseline.

Outputs are stdout+stderr with "\\r\\n" normalized; a non-zero exit
appends "CRASH" and a timeout "TIMEOUT" (as tests/run-tests.py does), so
the exit status is compared too.  Each part's verdict is one of: same,
different, rejected (Taipan's compiler reported errors: exit 1), crash
(signal, exit > 1, sanitizer/assertion text; for (a) also MicroPython
crashing on Taipan's .mpy), timeout, missing (no taipan-mpy-run found).

taipan-mpy-run is looked for, unless --runner is given, next to TAIPAN and
in the build directories beside it (build*/test/runtime/, build*/).

The last lines are
    mpy-interop (a) taipan->micropython: same S of N (X%), rejected R, crashes C, timeouts T
    mpy-interop (b) mpy-cross->taipan:   same S of N (X%), crashes C, timeouts T
This is a measurement: the exit status is 0 unless the arguments are wrong.
"""

import argparse
import glob
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
from multiprocessing.pool import ThreadPool

DEFAULT_DIRS = "basics,float,unicode,misc,stress,micropython"
CRASH_MARKERS = (
    b"AddressSanitizer", b"UndefinedBehaviorSanitizer", b"LeakSanitizer",
    b"runtime error: ", b"Assertion failed", b"Assertion `", b"terminate called",
    b"Segmentation fault", b"core dumped", b"stack smashing detected",
)


def run_process(cmd, cwd, env, timeout):
    """(output, returncode or None on timeout); stdout+stderr merged, the
    whole process group killed on timeout."""
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        return out, proc.returncode
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        return out or b"", None


def as_compared(out, rc):
    if rc is None:
        out += b"TIMEOUT"
    elif rc != 0:
        out += b"CRASH"
    return out.replace(b"\r\r\n", b"\n").replace(b"\r\n", b"\n")


def is_crash(out, rc):
    return rc is not None and (rc < 0 or rc > 1 or any(m in out for m in CRASH_MARKERS))


def find_runner(taipan):
    """taipan-mpy-run in TAIPAN's build directory or in a sibling build*/."""
    build = os.path.dirname(os.path.abspath(taipan))
    roots = [build] + sorted(glob.glob(os.path.join(os.path.dirname(build), "build*")))
    for root in roots:
        for sub in ("", "test/runtime", "targets/host", "test"):
            candidate = os.path.join(root, sub, "taipan-mpy-run")
            if os.path.isfile(candidate) and os.access(candidate, os.X_OK):
                return candidate
    return None


class Result:
    def __init__(self, rel):
        self.rel = rel
        self.status = None      # "skip", "unstable", "counted"
        self.a = self.b = None
        self.a_detail = self.b_detail = ""


def populate(run_dir, test_path, module):
    """Links what the test may read next to it: sub-directories, data files,
    and sibling modules it names (not every sibling: that would be slow)."""
    test_dir = os.path.dirname(test_path)
    with open(test_path, "rb") as f:
        words = set(re.findall(rb"[A-Za-z_][A-Za-z0-9_]*", f.read()))
    for entry in os.listdir(test_dir):
        stem, ext = os.path.splitext(entry)
        if stem == module:
            continue
        full = os.path.join(test_dir, entry)
        wanted = (os.path.isdir(full) or ext not in (".py", ".exp", ".mpy")
                  or (ext == ".py" and stem.encode() in words))
        if wanted:
            os.symlink(full, os.path.join(run_dir, entry))


def first_difference(want, got):
    want_lines, got_lines = want.splitlines(), got.splitlines()
    for i in range(max(len(want_lines), len(got_lines))):
        w = want_lines[i] if i < len(want_lines) else b"<end>"
        g = got_lines[i] if i < len(got_lines) else b"<end>"
        if w != g:
            return "line %d: want %r got %r" % (i + 1, w[:60], g[:60])
    return ""


def check_one(cfg, rel):
    res = Result(rel)
    test_path = os.path.join(cfg.tests_dir, rel)
    module = os.path.splitext(os.path.basename(rel))[0]
    with tempfile.TemporaryDirectory(prefix="mpy-interop-") as tmp:
        dirs = {}
        for name in ("src", "ref", "base", "taipan"):
            dirs[name] = os.path.join(tmp, name)
            os.mkdir(dirs[name])
            populate(dirs[name], test_path, module)
        source = module + ".py"
        mpy = module + ".mpy"
        shutil.copyfile(test_path, os.path.join(dirs["src"], source))
        shutil.copyfile(test_path, os.path.join(dirs["ref"], source))
        import_cmd = [cfg.micropython, "-X", "emit=bytecode", "-c", "import " + module]

        reference = as_compared(*run_process(import_cmd, dirs["ref"], cfg.env, cfg.timeout))
        if reference in (b"SKIP\n", b"SKIP-TOO-LARGE\n"):
            res.status = "skip"
            return res
        out, rc = run_process([cfg.mpy_cross, "-o", os.path.join(dirs["base"], mpy), source],
                              dirs["src"], cfg.env, cfg.timeout)
        if rc != 0:
            res.status = "unstable"
            res.a_detail = "mpy-cross failed: " + out.decode("utf-8", "replace").strip()[-80:]
            return res
        baseline = as_compared(*run_process(import_cmd, dirs["base"], cfg.env, cfg.timeout))
        if baseline != reference:
            res.status = "unstable"
            res.a_detail = first_difference(reference, baseline)
            return res
        res.status = "counted"
        res.a, res.a_detail = part_a(cfg, dirs, source, mpy, import_cmd, reference)
        res.b, res.b_detail = part_b(cfg, dirs["base"], mpy, baseline)
    return res


def part_a(cfg, dirs, source, mpy, import_cmd, reference):
    out, rc = run_process([cfg.taipan, "mpy", "--emit=bytecode", source, "-o",
                           os.path.join(dirs["taipan"], mpy)], dirs["src"], cfg.env,
                          cfg.timeout)
    if rc is None:
        return "timeout", "taipan mpy"
    if is_crash(out, rc):
        return "crash", "taipan mpy exit %d" % rc
    if rc != 0 or not os.path.isfile(os.path.join(dirs["taipan"], mpy)):
        return "rejected", out.decode("utf-8", "replace").strip().split("\n")[0][:100]
    out, rc = run_process(import_cmd, dirs["taipan"], cfg.env, cfg.timeout)
    if rc is None:
        return "timeout", "MicroPython importing Taipan's .mpy"
    if rc < 0:
        return "crash", "MicroPython killed by signal %d on Taipan's .mpy" % -rc
    got = as_compared(out, rc)
    if got == reference:
        return "same", ""
    return "different", first_difference(reference, got)


def part_b(cfg, run_dir, mpy, baseline):
    if cfg.runner is None:
        return "missing", "no taipan-mpy-run"
    out, rc = run_process([cfg.runner, mpy], run_dir, cfg.env, cfg.timeout)
    if rc is None:
        return "timeout", ""
    if is_crash(out, rc):
        return "crash", "exit %d" % rc
    got = as_compared(out, rc)
    if got == baseline:
        return "same", ""
    return "different", first_difference(baseline, got)


def summarize(results, list_failures):
    counted = [r for r in results if r.status == "counted"]
    print("mpy-interop: %d tests, %d skipped (SKIP), %d not comparable (output differs "
          "between M.py and mpy-cross's M.mpy in MicroPython, or mpy-cross failed), "
          "%d counted" % (len(results), sum(r.status == "skip" for r in results),
                          sum(r.status == "unstable" for r in results), len(counted)))
    if list_failures:
        for r in results:
            if r.status == "unstable":
                print("not-comparable %s  %s" % (r.rel, r.a_detail))
        for r in counted:
            if r.a != "same":
                print("(a) %-9s %s  %s" % (r.a, r.rel, r.a_detail))
            if r.b not in ("same", "missing"):
                print("(b) %-9s %s  %s" % (r.b, r.rel, r.b_detail))

    def line(label, part, with_rejected):
        verdicts = [getattr(r, part) for r in counted]
        same = verdicts.count("same")
        pct = 100.0 * same / len(counted) if counted else 0.0
        text = "mpy-interop %s same %d of %d (%.1f%%)" % (label, same, len(counted), pct)
        if with_rejected:
            text += ", rejected %d" % verdicts.count("rejected")
        text += ", crashes %d, timeouts %d" % (verdicts.count("crash"),
                                               verdicts.count("timeout"))
        if verdicts.count("missing"):
            text += ", not run %d (taipan-mpy-run not found)" % verdicts.count("missing")
        print(text)
    line("(a) taipan->micropython:", "a", True)
    line("(b) mpy-cross->taipan:  ", "b", False)


class Config:
    pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("micropython")
    ap.add_argument("mpy_cross")
    ap.add_argument("taipan")
    ap.add_argument("tests_dir")
    ap.add_argument("--dirs", default=DEFAULT_DIRS)
    ap.add_argument("--runner", help="taipan-mpy-run (default: searched near TAIPAN)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0)
    ap.add_argument("--filter", help="only tests whose DIR/NAME.py matches this regex")
    ap.add_argument("--list-failures", action="store_true")
    args = ap.parse_args()

    cfg = Config()
    cfg.micropython = os.path.abspath(args.micropython)
    cfg.mpy_cross = os.path.abspath(args.mpy_cross)
    cfg.taipan = os.path.abspath(args.taipan)
    cfg.tests_dir = os.path.abspath(args.tests_dir)
    cfg.timeout = args.timeout
    cfg.runner = os.path.abspath(args.runner) if args.runner else find_runner(args.taipan)
    cfg.env = dict(os.environ)
    cfg.env["PYTHONIOENCODING"] = "utf-8"
    cfg.env["MICROPYPATH"] = os.pathsep.join([
        ".frozen", os.path.join(cfg.tests_dir, "..", "extmod")])

    tests = []
    for d in (d for d in args.dirs.split(",") if d):
        full = os.path.join(cfg.tests_dir, d)
        if not os.path.isdir(full):
            ap.error("no such test directory: %s" % full)
        tests += sorted(d + "/" + n for n in os.listdir(full) if n.endswith(".py"))
    if args.filter:
        tests = [t for t in tests if re.search(args.filter, t)]
    print("mpy-interop: runner %s" % (cfg.runner or "NOT FOUND"))
    sys.stdout.flush()
    with ThreadPool(max(1, args.jobs)) as pool:
        results = pool.map(lambda rel: check_one(cfg, rel), tests, chunksize=1)
    summarize(results, args.list_failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
