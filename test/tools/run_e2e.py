#!/usr/bin/env python3
"""End-to-end test: run one Python program through Taipan and compare.

Usage:
    run_e2e.py [--timeout SECONDS] [--mode vm|native|both] TAIPAN FILE.py

Runs ``TAIPAN run --vm FILE.py ARGS...`` (the VM: every function bytecode)
and ``TAIPAN run FILE.py ARGS...`` (native code, bytecode only where the
native backend cannot compile a function), each with the file's directory
as the working directory, and compares stdout and exit status with the
expected ones:

* FILE.py.exp, when it exists, holds the expected stdout (the MicroPython
  dialect's output, for programs where MicroPython deliberately differs from
  CPython).  FILE.py.exp.status optionally holds the expected exit status
  (default 0).
* otherwise the same program is run by the Python running this script
  (sys.executable), in the same directory with the same arguments, and its
  stdout and exit status are the expected ones.

ARGS come from an optional ``# ARGS: a b c`` comment line in the program
(split like a shell command line) and are passed to both runs.

A ``# XFAIL-NATIVE: reason`` line says the native build is known to differ
(the reason says why); the native run must then fail, so the line goes away
once the backend handles the program.

stderr is not compared (tracebacks and messages differ between
implementations) but is shown when the outputs differ.  On a mismatch a
unified diff is printed and the exit status is 1.
"""

import argparse
import difflib
import os
import shlex
import subprocess
import sys

DEFAULT_TIMEOUT = 300.0
ARGS_PREFIX = "# ARGS:"
XFAIL_NATIVE_PREFIX = "# XFAIL-NATIVE:"
MODES = {"vm": ["run", "--vm"], "native": ["run"]}


def directive(path, prefix):
    """The rest of the program's first line starting with prefix, or None."""
    with open(path, encoding="utf-8") as source:
        for line in source:
            if line.startswith(prefix):
                return line[len(prefix):].strip()
    return None


def program_args(path):
    """The arguments named by the program's ``# ARGS:`` line, if any."""
    args = directive(path, ARGS_PREFIX)
    return shlex.split(args) if args is not None else []


def child_environment():
    env = dict(os.environ)
    # Importing the program's own modules must not leave __pycache__
    # directories in the source tree.
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["PYTHONHASHSEED"] = "0"
    env["PYTHONIOENCODING"] = "utf-8"
    return env


def run(command, directory, timeout):
    """Runs command in directory; returns (stdout, stderr, status)."""
    try:
        done = subprocess.run(command, cwd=directory, capture_output=True,
                              timeout=timeout, env=child_environment())
    except OSError as error:
        return b"", f"cannot run {command[0]}: {error}\n".encode(), "not run"
    except subprocess.TimeoutExpired as timed_out:
        stdout = timed_out.stdout or b""
        stderr = (timed_out.stderr or b"") + f"\n<timed out after {timeout}s>\n".encode()
        return stdout, stderr, "timeout"
    return done.stdout, done.stderr, done.returncode


def read_expected_file(path):
    """(stdout, status) from FILE.exp and FILE.exp.status, or None."""
    exp_path = path + ".exp"
    if not os.path.exists(exp_path):
        return None
    with open(exp_path, "rb") as exp:
        stdout = exp.read()
    status = 0
    status_path = exp_path + ".status"
    if os.path.exists(status_path):
        with open(status_path, encoding="utf-8") as status_file:
            status = int(status_file.read().strip())
    return stdout, status


def expected_output(path, args, timeout):
    """(stdout, status, description) the program must produce."""
    from_file = read_expected_file(path)
    if from_file is not None:
        return from_file[0], from_file[1], os.path.basename(path) + ".exp"
    directory, name = os.path.split(os.path.abspath(path))
    stdout, stderr, status = run([sys.executable, name] + args, directory, timeout)
    if not isinstance(status, int):
        sys.stderr.write(stderr.decode("utf-8", "replace"))
        raise SystemExit(f"run_e2e: {sys.executable} failed on {path}: {status}")
    return stdout, status, "python3"


def as_lines(data):
    return data.decode("utf-8", "replace").splitlines(keepends=True)


def report_mismatch(path, mode, expected, actual, stderr, source):
    exp_stdout, exp_status = expected
    act_stdout, act_status = actual
    print(f"run_e2e: FAIL ({mode}): {path}")
    if exp_stdout != act_stdout:
        diff = difflib.unified_diff(as_lines(exp_stdout), as_lines(act_stdout),
                                    fromfile=f"expected ({source})", tofile=f"taipan ({mode})")
        for line in diff:
            sys.stdout.write(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
    if exp_status != act_status:
        print(f"exit status: expected {exp_status}, got {act_status}")
    if stderr:
        print("--- taipan stderr ---")
        sys.stdout.write(stderr.decode("utf-8", "replace"))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT)
    parser.add_argument("--mode", choices=["vm", "native", "both"], default="both")
    parser.add_argument("taipan")
    parser.add_argument("file")
    options = parser.parse_args()

    path = options.file
    args = program_args(path)
    directory, name = os.path.split(os.path.abspath(path))
    expected = expected_output(path, args, options.timeout)
    taipan = os.path.abspath(options.taipan) if os.sep in options.taipan else options.taipan
    native_xfail = directive(path, XFAIL_NATIVE_PREFIX)
    failed = False
    for mode in (["vm", "native"] if options.mode == "both" else [options.mode]):
        stdout, stderr, status = run([taipan] + MODES[mode] + [name] + args, directory, options.timeout)
        matches = (stdout, status) == expected[:2]
        if mode == "native" and native_xfail is not None:
            if matches:
                print(f"run_e2e: XPASS (native): {path} now passes: remove its XFAIL-NATIVE line")
                failed = True
            continue
        if not matches:
            report_mismatch(path, mode, expected[:2], (stdout, status), stderr, expected[2])
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
