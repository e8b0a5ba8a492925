#!/usr/bin/env python3
"""Measurement: what fraction of the functions in some Python files compile natively.

Usage:
    native_coverage.py TAIPAN DIR_OR_FILE... [--reasons N] [-j N]

Runs ``TAIPAN compile --emit=ir --remarks`` on every .py file and counts the
remark lines (one per def or lambda): "compiled natively" or "compiled to
bytecode: REASON".  Prints the totals per directory, the overall fraction and
the N most common bytecode reasons.  Files the frontend rejects (MicroPython
tests of syntax errors, CPython-only syntax) are counted separately.
"""

import argparse
import collections
import concurrent.futures
import os
import re
import subprocess
import sys

REMARK = re.compile(r"^(.*?):(\d+):(\d+): remark: function '(.*)' compiled (natively|to bytecode: (.*))$")


def python_files(paths):
    for path in paths:
        if os.path.isfile(path):
            yield path
            continue
        for name in sorted(os.listdir(path)):
            if name.endswith(".py"):
                yield os.path.join(path, name)


def remarks_of(taipan, path):
    """(native count, [bytecode reasons], rejected) for one file."""
    done = subprocess.run([taipan, "compile", "--emit=ir", "--remarks", "-o", os.devnull, path],
                          capture_output=True, text=True, errors="replace", timeout=120)
    native, reasons = 0, []
    for line in done.stderr.splitlines():
        match = REMARK.match(line)
        if not match:
            continue
        if match.group(5) == "natively":
            native += 1
        else:
            reasons.append(match.group(6))
    return native, reasons, done.returncode != 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("taipan")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--reasons", type=int, default=15)
    parser.add_argument("-j", "--jobs", type=int, default=2)
    options = parser.parse_args()

    files = list(python_files(options.paths))
    per_dir = collections.defaultdict(lambda: [0, 0, 0])  # native, total, rejected files
    reasons = collections.Counter()
    with concurrent.futures.ThreadPoolExecutor(options.jobs) as pool:
        for path, (native, bytecode, rejected) in zip(files, pool.map(lambda p: remarks_of(options.taipan, p), files)):
            entry = per_dir[os.path.dirname(path)]
            entry[0] += native
            entry[1] += native + len(bytecode)
            entry[2] += rejected
            for reason in bytecode:
                reasons[re.sub(r"'[^']*'", "'...'", reason)] += 1
    native = sum(e[0] for e in per_dir.values())
    total = sum(e[1] for e in per_dir.values())
    for directory, (n, t, rejected) in sorted(per_dir.items()):
        print(f"{directory}: {n}/{t} functions native ({100.0 * n / max(t, 1):.1f}%), {rejected} files rejected")
    print(f"total: {native}/{total} functions native ({100.0 * native / max(total, 1):.1f}%)")
    for reason, count in reasons.most_common(options.reasons):
        print(f"  {count:5d}  {reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
