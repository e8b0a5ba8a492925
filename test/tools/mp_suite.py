#!/usr/bin/env python3
"""Measurement: how much of MicroPython's own test suite `taipan run` passes (natively, or on the VM with --vm).

Usage:
    mp_suite.py MICROPYTHON TAIPAN TESTS_DIR
                [--dirs basics,float,unicode,misc,stress,micropython]
                [-j N] [--timeout S] [--filter REGEX] [--list-failures]
                [-v] [--out-dir DIR] [--mp-only] [--vm]

MICROPYTHON is a unix-port MicroPython binary, TAIPAN the taipan driver and
TESTS_DIR MicroPython's tests/ directory.  Every *.py file of the chosen
sub-directories is first judged the way MicroPython's tests/run-tests.py
judges it on the unix port with the bytecode emitter:

  * The target is probed with the scripts in tests/feature_check/ (platform,
    float precision, unicode, error-reporting level, bigint, slice, set,
    async, const, f-/t-strings, reverse ops, complex, byte order) and tests
    are skipped by name the same way (e.g. `int_big*` without bigints,
    `*_endian` when the byte order differs from CPython's), plus the fixed
    skip lists that apply to this platform / float precision / emitter.
  * The test runs as `MICROPYTHON -X emit=bytecode /abs/test.py` in the
    test's directory, stdout and stderr merged, MICROPYPATH restricted as
    run-tests.py does, with a timeout.  A non-zero exit appends "CRASH", a
    timeout "TIMEOUT".  Output "SKIP\\n" or "SKIP-TOO-LARGE\\n" skips the test.
    A test whose last lines say unittest could not be imported is skipped
    too (run-tests.py aborts there; micropython-lib is not available).
  * Expected output: TEST.bytecode.exp, else TEST.exp, else CPython's
    output (`python3 -BS /abs/test.py`, stderr merged, "CPYTHON3 CRASH:\\n"
    prefixed if it fails).  For the few tests whose .exp holds regular
    expressions (run-tests.py's tests_with_regex_output) the output is
    rewritten against the .exp patterns before comparing.  A unittest-based
    test passes if its summary says OK.

Each test MicroPython passes is then run as `TAIPAN run TEST.py` (--vm: `run --vm`) from
the test's own directory (same environment and timeout) and classified:
  same       its output (processed as above) equals MicroPython's
  different  it ran to completion but printed something else
  crash      killed by a signal, exit status > 1 that is neither
             MicroPython's status nor a SystemExit code written in the test,
             or sanitizer / assertion / abort text in its output
  timeout    still running after --timeout seconds (its process group is
             killed)
Tests MicroPython fails are also given to Taipan, only to look for crashes
and timeouts (reported separately, not counted in the pass rate).

The summary line is
    mp-suite: passed P of M MicroPython-passing tests (X%), crashes C, timeouts T
followed by per-directory counts.  This is a measurement, not a test: the
exit status is 0 unless the arguments are wrong.
"""

import argparse
import os
import re
import signal
import subprocess
import sys
import time
from multiprocessing.pool import ThreadPool

DEFAULT_DIRS = "basics,float,unicode,misc,stress,micropython"

# Fixed skip lists of run-tests.py that can apply to the unix port running the
# bytecode emitter, keyed by the condition that enables them.
SKIP_IF_FLOAT_BELOW_32 = (
    "float/float2int_intbig.py",
    "float/float_struct_e.py",
    "float/bytes_construct.py",
    "float/bytearray_construct.py",
    "float/float_format_ints_power10.py",
)
SKIP_IF_FLOAT_BELOW_64 = (
    "float/float_divmod.py",
    "float/float2int_doubleprec_intbig.py",
    "float/float_struct_e_doubleprec.py",
    "float/float_format_ints_doubleprec.py",
    "float/float_parse_doubleprec.py",
)
SKIP_IF_NO_FLOAT = ("micropython/const_float.py", "misc/rge_sm.py")
SKIP_IF_NO_SLICE = (
    "basics/builtin_range.py", "basics/bytearray1.py", "basics/class_super.py",
    "basics/containment.py", "basics/errno1.py", "basics/fun_str.py",
    "basics/generator1.py", "basics/globals_del.py", "basics/memoryview1.py",
    "basics/memoryview_gc.py", "basics/object1.py", "basics/python34.py",
    "basics/struct_endian.py", "float/string_format_modulo.py",
    "micropython/builtin_execfile.py", "micropython/extreme_exc.py",
    "micropython/heapalloc_fail_bytearray.py", "micropython/heapalloc_fail_list.py",
    "micropython/heapalloc_fail_memoryview.py", "micropython/import_mpy_invalid.py",
    "micropython/import_mpy_native.py", "micropython/import_mpy_native_gc.py",
    "micropython/ringio_big.py", "misc/non_compliant.py", "misc/rge_sm.py",
)
SKIP_IF_NO_COMPLEX = (
    "float/complex1.py", "float/complex1_intbig.py", "float/complex1_micropython.py",
    "float/complex_reverse_op.py", "float/complex_special_methods.py",
    "float/int_big_float.py", "float/true_value.py", "float/types.py",
    "float/complex_dunder.py",
)
SKIP_IF_ERROR_REPORTING_TERSE = (
    "micropython/heapalloc_exc_compressed.py",
    "micropython/heapalloc_exc_compressed_emg_exc.py",
    "micropython/opt_level_lineno.py",
    "misc/print_exception.py",
    "misc/sys_settrace_features.py",
)
SKIP_IF_NOT_PC = ("basics/exception_chain.py", "micropython/meminfo.py",
                  "unicode/file1.py", "unicode/file2.py", "unicode/file_invalid.py")
SKIP_IF_MINIMAL_BUILD = ("basics/class_inplace_op.py", "basics/subclass_native_init.py",
                         "micropython/opt_level.py")
PC_PLATFORMS = ("darwin", "linux", "win32")

# Tests whose .exp lines are regular expressions (and "########" wildcards).
REGEX_OUTPUT_TESTS = (
    "micropython/meminfo.py",
    "basics/bytes_compare3.py",
    "basics/builtin_help.py",
    "basics/weakref_callback_exception.py",
    "misc/sys_settrace_cov.py",
)

CRASH_MARKERS = (
    b"AddressSanitizer", b"UndefinedBehaviorSanitizer", b"LeakSanitizer",
    b"MemorySanitizer", b"ThreadSanitizer", b"runtime error: ",
    b"Assertion failed", b"Assertion `", b"terminate called",
    b"Segmentation fault", b"core dumped", b"stack smashing detected",
)


# ---------------------------------------------------------------- processes

def run_process(cmd, cwd, env, timeout):
    """Runs cmd with stdout+stderr merged. Returns (output, returncode, timed_out).

    The child gets its own process group so that a timeout also ends whatever
    it started (the driver may run the program in a child process)."""
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            start_new_session=True)
    try:
        out, _ = proc.communicate(timeout=timeout)
        return out, proc.returncode, False
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        out, _ = proc.communicate()
        return out or b"", None, True


def normalize_newlines(data):
    return data.replace(b"\r\r\n", b"\n").replace(b"\r\n", b"\n")


# ------------------------------------------------------ regex-style .exp files

_REGEX_SPECIALS = "()[]{}.*+^$"


def exp_line_to_regex(line):
    """An .exp line as a regex: a backslash makes the next character a regex
    meta character, other meta characters are literal, and CRs may precede
    the final newline."""
    parts = []
    escaped = False
    for ch in line.decode("utf-8"):
        if escaped:
            escaped = False
            parts.append(ch)
        elif ch == "\\":
            escaped = True
        elif ch in _REGEX_SPECIALS:
            parts.append("\\" + ch)
        else:
            parts.append(ch)
    if parts and parts[-1] == "\n":
        parts[-1] = "\r*\n"
    return re.compile("".join(parts).encode("utf-8"))


def rewrite_against_patterns(output, exp_text):
    """Replaces each output line that matches its .exp pattern by the pattern
    text, so that a plain comparison with the .exp file then decides; a
    "########" line stands for any number of whole lines."""
    wildcard = b"########\n"
    patterns = [(line, None if line == wildcard else exp_line_to_regex(line))
                for line in exp_text.splitlines(keepends=True)]
    lines = [line + b"\n" for line in output.split(b"\n")]
    if output.endswith(b"\n"):
        lines.pop()
    pos = 0
    for index, (text, regex) in enumerate(patterns):
        if pos >= len(lines):
            break
        if regex is None:
            if index + 1 >= len(patterns):
                break
            following = patterns[index + 1][1]
            end = pos
            while end < len(lines) and not (following and following.match(lines[end])):
                end += 1
            if end >= len(lines):
                lines[pos] = b"######## FAIL\n"
                break
            lines[pos:end] = [wildcard]
        elif regex.match(lines[pos]):
            lines[pos] = text
        pos += 1
    return b"".join(lines)


# ------------------------------------------------------------ target probing

class Target:
    """What run-tests.py's feature checks find out about the MicroPython binary."""

    def __init__(self, micropython, tests_dir, env):
        self.micropython = micropython
        self.tests_dir = tests_dir
        self.env = env

    def feature(self, name):
        path = os.path.join(self.tests_dir, "feature_check", name)
        out, rc, timed_out = run_process([self.micropython, path], self.tests_dir,
                                         self.env, 30)
        if timed_out or rc != 0:
            return b"CRASH"
        return normalize_newlines(out)

    def probe(self, python3):
        info = self.feature("target_info.py").decode("utf-8", "replace").split()
        if len(info) != 8:
            raise SystemExit("mp-suite: cannot probe MicroPython: %r" % info)
        (self.platform, _arch, _flags, self.build, thread, prec, unicode,
         self.error_reporting) = info
        self.float_prec = int(prec)
        self.unicode = unicode == "True"
        self.thread = None if thread == "None" else thread
        f = self.feature
        self.native = f("native_check.py") == b"native\n"
        self.int_big = f("int_big.py") == b"1000000000000000000000000000000000000000000000\n"
        self.int_64 = f("int_64.py") == b"4611686018427387904\n"
        self.bytearray = f("bytearray.py") == b"bytearray\n"
        self.set_type = f("set_check.py") == b"{1}\n"
        self.slice = f("slice.py") == b"slice\n"
        self.async_ = f("async_check.py") == b"async\n"
        self.const = f("const.py") == b"1\n"
        self.revops = f("reverse_ops.py") != b"TypeError\n"
        self.fstring = f("fstring.py") == b"a=1\n"
        self.tstring = f("tstring.py") == b"tstring\n"
        self.complex = f("complex.py") == b"complex\n"
        byteorder_py = os.path.join(self.tests_dir, "feature_check", "byteorder.py")
        cpy, _, _ = run_process([python3, "-BS", byteorder_py], self.tests_dir, self.env, 30)
        self.same_endian = f("byteorder.py") == cpy

    def describe(self):
        return ("platform=%s build=%s float=%d-bit unicode=%s error_reporting=%s"
                % (self.platform, self.build, self.float_prec, self.unicode,
                   self.error_reporting))

    def fixed_skips(self):
        skips = set()
        if self.float_prec == 0:
            skips.update(SKIP_IF_NO_FLOAT)
        if self.float_prec < 32:
            skips.update(SKIP_IF_FLOAT_BELOW_32)
        if self.float_prec < 64:
            skips.update(SKIP_IF_FLOAT_BELOW_64)
        if not self.slice:
            skips.update(SKIP_IF_NO_SLICE)
        if not self.complex:
            skips.update(SKIP_IF_NO_COMPLEX)
        if self.platform not in PC_PLATFORMS:
            skips.update(SKIP_IF_NOT_PC)
        if self.build == "minimal":
            skips.update(SKIP_IF_MINIMAL_BUILD)
        if self.error_reporting in ("terse", "none"):
            skips.update(SKIP_IF_ERROR_REPORTING_TERSE)
        return skips

    def skipped_by_name(self, name):
        """run-tests.py's name-pattern rules for features the target lacks."""
        rules = (
            (self.native, name.startswith(("native_", "viper_"))),
            (self.same_endian, name.endswith("_endian")),
            (self.int_big, name.startswith("int_big") or name.endswith("_intbig")),
            (self.int_64, name.startswith("int_64") or name.endswith("_int64")),
            (self.bytearray, name.startswith("bytearray") or name.endswith("_bytearray")),
            (self.set_type, name.startswith(("set_", "frozenset")) or name.endswith("_set")),
            (self.slice, "slice" in name),
            (self.async_, name.startswith(("async_", "asyncio_")) or name.endswith("_async")),
            (self.const, name.startswith("const")),
            (self.revops, "reverse_op" in name),
            (self.fstring, name.startswith("string_fstring") or name.endswith("_fstring")),
            (self.tstring, name.startswith("string_tstring") or name.endswith("_tstring")),
            (False, name.startswith("asm")),  # no inline assembler on the unix port
        )
        return any(matches and not supported for supported, matches in rules)


# ------------------------------------------------------------- one test

UNITTEST_SUMMARY = re.compile(rb"(OK)( \(skipped=\d+\))?$|FAILED \(failures=\d+, errors=\d+\)$")


def unittest_verdict(lines):
    """None if the output is not a unittest summary, else whether it says OK."""
    if len(lines) > 4 and lines[-4] == b"-" * 70 and lines[-2] == b"":
        if re.match(rb"Ran \d+ tests$", lines[-3]):
            m = UNITTEST_SUMMARY.match(lines[-1])
            if m:
                return m.group(1) == b"OK"
    return None


class Result:
    def __init__(self, rel):
        self.rel = rel
        self.directory = rel.split("/")[0]
        self.mp = None          # "skip", "pass", "fail"
        self.reason = ""
        self.taipan = None      # "same", "different", "crash", "timeout" or None
        self.taipan_detail = ""
        self.mp_seconds = 0.0


def processed_output(raw, rc, timed_out, rel, exp_path_for_regex):
    """The output as run-tests.py compares it: markers for failure, newlines
    normalized, regex .exp patterns applied."""
    if timed_out:
        out = raw + b"TIMEOUT"
    elif rc != 0:
        out = raw + b"CRASH"
    else:
        out = raw
    out = normalize_newlines(out)
    if (timed_out or rc != 0 or out in (b"SKIP\n", b"SKIP-TOO-LARGE\n")
            or exp_path_for_regex is None):
        return out
    with open(exp_path_for_regex, "rb") as f:
        return rewrite_against_patterns(out, f.read())


def expected_codes(source):
    """Exit statuses the test itself asks for with SystemExit / sys.exit."""
    codes = {0, 1}
    for m in re.finditer(rb"(?:SystemExit|sys\.exit)\(\s*(\d+)\s*\)", source):
        codes.add(int(m.group(1)))
    return codes


def classify_taipan(cfg, path, rel, regex_exp, mp_rc, mp_output):
    directory = os.path.dirname(path)
    started = time.monotonic()
    raw, rc, timed_out = run_process([cfg.taipan, "run"] + cfg.mode_args + [os.path.basename(path)],
                                     directory, cfg.env, cfg.timeout)
    elapsed = time.monotonic() - started
    if timed_out:
        return "timeout", "after %.0fs" % elapsed
    with open(path, "rb") as f:
        allowed = expected_codes(f.read()) | {mp_rc}
    if rc < 0:
        return "crash", "signal %d" % -rc
    if rc not in allowed:
        return "crash", "exit status %d" % rc
    marker = next((m for m in CRASH_MARKERS if m in raw and m not in mp_output), None)
    if marker is not None:
        return "crash", marker.decode()
    out = processed_output(raw, rc, False, rel, regex_exp)
    if out == mp_output:
        return "same", ""
    if cfg.out_dir:
        stem = os.path.join(cfg.out_dir, rel.replace("/", "_"))
        with open(stem + ".mp.out", "wb") as f:
            f.write(mp_output)
        with open(stem + ".taipan.out", "wb") as f:
            f.write(out)
    return "different", first_difference(mp_output, out)


def first_difference(want, got):
    want_lines, got_lines = want.splitlines(), got.splitlines()
    for i in range(max(len(want_lines), len(got_lines))):
        w = want_lines[i] if i < len(want_lines) else b"<end>"
        g = got_lines[i] if i < len(got_lines) else b"<end>"
        if w != g:
            return "line %d: want %r got %r" % (i + 1, w[:70], g[:70])
    return "same lines, different bytes"


def run_one(cfg, rel):
    res = Result(rel)
    path = os.path.join(cfg.tests_dir, rel)
    name = os.path.splitext(os.path.basename(rel))[0]
    if rel in cfg.skips or cfg.target.skipped_by_name(name):
        res.mp, res.reason = "skip", "run-tests.py skip rule"
        return res

    regex_exp = None
    if rel in REGEX_OUTPUT_TESTS:
        regex_exp = exp_file(path)
    started = time.monotonic()
    raw, rc, timed_out = run_process([cfg.micropython, "-X", "emit=bytecode", path],
                                     os.path.dirname(path), cfg.env, cfg.timeout)
    res.mp_seconds = time.monotonic() - started
    mp_output = processed_output(raw, rc, timed_out, rel, regex_exp)
    if mp_output in (b"SKIP\n", b"SKIP-TOO-LARGE\n"):
        res.mp, res.reason = "skip", "printed SKIP"
        return res
    lines = mp_output.splitlines()
    if any(line == b"ImportError: no module named 'unittest'" for line in lines[-3:]):
        res.mp, res.reason = "skip", "needs unittest"
        return res

    verdict = unittest_verdict(lines)
    if verdict is None:
        exp = exp_file(path)
        if exp is not None:
            with open(exp, "rb") as f:
                expected = f.read()
        else:
            out, cpy_rc, cpy_timeout = run_process(
                [cfg.python, "-BS", path], os.path.dirname(path), cfg.env, None)
            expected = out if cpy_rc == 0 else b"CPYTHON3 CRASH:\n" + out
        verdict = expected.replace(b"\r\n", b"\n") == mp_output
    res.mp = "pass" if verdict else "fail"
    if timed_out:
        res.reason = "MicroPython timed out"

    if not cfg.mp_only:
        res.taipan, res.taipan_detail = classify_taipan(
            cfg, path, rel, regex_exp, 0 if rc is None else rc, mp_output)
    return res


def exp_file(path):
    for candidate in (path + ".bytecode.exp", path + ".exp"):
        if os.path.isfile(candidate):
            return candidate
    return None


# ------------------------------------------------------------------ report

def summarize(results, dirs, list_failures):
    mp_passing = [r for r in results if r.mp == "pass"]
    same = sum(r.taipan == "same" for r in mp_passing)
    crashes = sum(r.taipan == "crash" for r in results)
    timeouts = sum(r.taipan == "timeout" for r in results)
    print("%-12s %6s %6s %6s %6s | %6s %6s %6s %6s" % (
        "directory", "tests", "skip", "mpPass", "mpFail", "same", "diff", "crash", "tmout"))
    for d in dirs:
        rs = [r for r in results if r.directory == d]
        passing = [r for r in rs if r.mp == "pass"]
        print("%-12s %6d %6d %6d %6d | %6d %6d %6d %6d" % (
            d, len(rs), sum(r.mp == "skip" for r in rs), len(passing),
            sum(r.mp == "fail" for r in rs),
            sum(r.taipan == "same" for r in passing),
            sum(r.taipan == "different" for r in passing),
            sum(r.taipan == "crash" for r in rs),
            sum(r.taipan == "timeout" for r in rs)))
    if list_failures:
        for r in results:
            if r.mp == "pass" and r.taipan not in (None, "same"):
                print("FAIL %-9s %s  %s" % (r.taipan, r.rel, r.taipan_detail))
            elif r.mp == "fail" and r.taipan in ("crash", "timeout"):
                print("NOTE %-9s %s  (MicroPython fails it too)  %s"
                      % (r.taipan, r.rel, r.taipan_detail))
        for r in results:
            if r.mp == "fail":
                print("mp-fail   %s %s" % (r.rel, r.reason))
    percent = 100.0 * same / len(mp_passing) if mp_passing else 0.0
    print("mp-suite: passed %d of %d MicroPython-passing tests (%.1f%%), crashes %d, "
          "timeouts %d" % (same, len(mp_passing), percent, crashes, timeouts))


class Config:
    pass


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("micropython")
    ap.add_argument("taipan")
    ap.add_argument("tests_dir")
    ap.add_argument("--dirs", default=DEFAULT_DIRS)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30.0,
                    help="seconds per run (run-tests.py's default is 30)")
    ap.add_argument("--python", default="python3", help="CPython for tests without .exp")
    ap.add_argument("--filter", help="only tests whose DIR/NAME.py matches this regex")
    ap.add_argument("--list-failures", action="store_true")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print one line per test: MicroPython verdict, Taipan verdict")
    ap.add_argument("--out-dir", help="write MicroPython's and Taipan's outputs of the "
                    "tests that differ here (TEST.mp.out, TEST.taipan.out)")
    ap.add_argument("--vm", action="store_true", help="run with `taipan run --vm` (bytecode only)")
    ap.add_argument("--mp-only", action="store_true",
                    help="only judge MicroPython, do not run Taipan")
    args = ap.parse_args()

    cfg = Config()
    cfg.micropython = os.path.abspath(args.micropython)
    cfg.taipan = os.path.abspath(args.taipan)
    cfg.mode_args = ["--vm"] if args.vm else []
    cfg.tests_dir = os.path.abspath(args.tests_dir)
    cfg.timeout = args.timeout
    cfg.python = args.python
    cfg.mp_only = args.mp_only
    cfg.out_dir = os.path.abspath(args.out_dir) if args.out_dir else None
    if cfg.out_dir:
        os.makedirs(cfg.out_dir, exist_ok=True)
    cfg.env = dict(os.environ)
    cfg.env["PYTHONIOENCODING"] = "utf-8"
    # As run-tests.py: only builtin modules, extmod's Python files and unittest.
    cfg.env["MICROPYPATH"] = os.pathsep.join([
        ".frozen", os.path.join(cfg.tests_dir, "..", "extmod"),
        os.path.join(cfg.tests_dir, "..", "lib", "micropython-lib", "python-stdlib",
                     "unittest")])
    cfg.target = Target(cfg.micropython, cfg.tests_dir, cfg.env)
    cfg.target.probe(args.python)
    cfg.skips = cfg.target.fixed_skips()

    dirs = [d for d in args.dirs.split(",") if d]
    tests = []
    for d in dirs:
        full = os.path.join(cfg.tests_dir, d)
        if not os.path.isdir(full):
            ap.error("no such test directory: %s" % full)
        tests += sorted(d + "/" + n for n in os.listdir(full) if n.endswith(".py"))
    if args.filter:
        tests = [t for t in tests if re.search(args.filter, t)]

    print("mp-suite: MicroPython %s; %d test files in %s" % (
        cfg.target.describe(), len(tests), ",".join(dirs)))
    sys.stdout.flush()
    started = time.monotonic()
    with ThreadPool(max(1, args.jobs)) as pool:
        results = pool.map(lambda rel: run_one(cfg, rel), tests, chunksize=1)
    if args.verbose:
        for r in results:
            print("%-4s %-50s %s %s" % (r.mp, r.rel, r.taipan or "-", r.reason))
    summarize(results, dirs, args.list_failures)
    print("mp-suite: %d files in %.0fs with -j%d (MicroPython alone: %.0fs of CPU-serial "
          "run time)" % (len(tests), time.monotonic() - started, args.jobs,
                         sum(r.mp_seconds for r in results)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
