#!/usr/bin/env python3
"""Benchmark: Taipan's frontend against CPython's ast.parse on the stdlib.

Usage:
    parse_stdlib.py --taipan PATH [--stdlib DIR] [--repeat N]

DIR defaults to the running interpreter's standard library
(sysconfig.get_paths()['stdlib']); site-packages and __pycache__ are skipped.
Only files CPython accepts are used: ast.parse must accept them, and so must
compile(), because `taipan -fsyntax-only` also resolves scopes and so rejects
what only CPython's compiler rejects (e.g. misplaced __future__ imports).

Measured in the same run, best of N repeats (default 3):
  * CPython: total wall time of ast.parse(data, path) over all files,
    in-process, with the sources already read into memory.
  * Taipan: wall time of `taipan compile -fsyntax-only FILE...` over the same
    files, all on one command line (split into the fewest processes that keep
    each command line under ~1.5 MB, their times summed).  This includes
    process start-up and reading the files.

Taipan must exit 0, otherwise the benchmark is invalid: the head of its
stderr is printed and the exit status is 1.  No assertion is made on time.
The last line printed is `ratio: Taipan is X.Xx faster than CPython ast.parse`
(a ratio below 1 means Taipan is slower).
"""

import argparse
import ast
import gc
import os
import subprocess
import sys
import sysconfig
import time
import warnings

EXCLUDE_DIRS = ('site-packages', '__pycache__')
MAX_CMDLINE_BYTES = 1_500_000
TAIPAN_TIMEOUT = 600  # seconds per process; only there to stop a hang
STDERR_HEAD_LINES = 30


def collect_files(top):
    """Sorted *.py files under top, pruning EXCLUDE_DIRS."""
    files = []
    for root, subdirs, names in os.walk(top):
        subdirs[:] = sorted(d for d in subdirs if d not in EXCLUDE_DIRS)
        for name in sorted(names):
            path = os.path.join(root, name)
            if name.endswith('.py') and os.path.isfile(path):
                files.append(path)
    return files


def cpython_accepts(data, path):
    """True if both ast.parse and compile() accept the source bytes."""
    try:
        ast.parse(data, path)
        compile(data, path, 'exec', dont_inherit=True)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return False
    return True


def load_sources(files):
    """Return [(path, bytes)] of the files CPython accepts, and the rejects."""
    sources, rejected = [], []
    for path in files:
        try:
            with open(path, 'rb') as f:
                data = f.read()
        except OSError:
            rejected.append(path)
            continue
        if cpython_accepts(data, path):
            sources.append((path, data))
        else:
            rejected.append(path)
    return sources, rejected


def time_cpython_once(sources):
    gc.collect()
    start = time.perf_counter()
    for path, data in sources:
        ast.parse(data, path)
    return time.perf_counter() - start


def split_cmdlines(prefix, paths, limit=MAX_CMDLINE_BYTES):
    """Split paths into the fewest consecutive groups whose command line
    (prefix + group, NUL-terminated arguments) stays under limit bytes."""
    base = sum(len(os.fsencode(a)) + 1 for a in prefix)
    groups, current, size = [], [], base
    for p in paths:
        n = len(os.fsencode(p)) + 1
        if current and size + n > limit:
            groups.append(current)
            current, size = [], base
        current.append(p)
        size += n
    if current:
        groups.append(current)
    return groups


def time_taipan_once(prefix, groups):
    """Run every group; return (total seconds, None) or (None, failure)."""
    total = 0.0
    for group in groups:
        start = time.perf_counter()
        try:
            proc = subprocess.run(prefix + group, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL,
                                  stderr=subprocess.PIPE,
                                  timeout=TAIPAN_TIMEOUT)
        except subprocess.TimeoutExpired as e:
            return None, (f'timeout after {TAIPAN_TIMEOUT} s', e.stderr or b'')
        total += time.perf_counter() - start
        if proc.returncode != 0:
            return None, (f'exit status {proc.returncode}', proc.stderr)
    return total, None


def report_taipan_failure(failure):
    rc, stderr = failure
    lines = stderr.decode('utf-8', 'replace').splitlines()
    print(f'taipan failed ({rc}); benchmark invalid. stderr head:',
          file=sys.stderr)
    for line in lines[:STDERR_HEAD_LINES]:
        print('  ' + line, file=sys.stderr)
    if len(lines) > STDERR_HEAD_LINES:
        print(f'  ... {len(lines) - STDERR_HEAD_LINES} more lines',
              file=sys.stderr)


def parse_args(argv):
    ap = argparse.ArgumentParser(
        description='Compare Taipan -fsyntax-only speed with CPython ast.parse.')
    ap.add_argument('--taipan', required=True, help='path of the taipan binary')
    ap.add_argument('--stdlib', metavar='DIR',
                    default=sysconfig.get_paths()['stdlib'],
                    help='directory of Python files (default: this '
                         "interpreter's stdlib)")
    ap.add_argument('--repeat', type=int, default=3, metavar='N',
                    help='take the best of N runs (default 3)')
    args = ap.parse_args(argv)
    if args.repeat < 1:
        ap.error('--repeat must be at least 1')
    return args


def main(argv=None):
    args = parse_args(argv)
    warnings.simplefilter('ignore')
    sources, rejected = load_sources(collect_files(args.stdlib))
    if not sources:
        print(f'no Python files accepted by CPython under {args.stdlib}',
              file=sys.stderr)
        return 1
    paths = [p for p, _ in sources]
    total_mb = sum(len(d) for _, d in sources) / 1e6
    prefix = [args.taipan, 'compile', '-fsyntax-only']
    groups = split_cmdlines(prefix, paths)

    cpython_s = min(time_cpython_once(sources) for _ in range(args.repeat))
    taipan_times = []
    for _ in range(args.repeat):
        t, failure = time_taipan_once(prefix, groups)
        if failure is not None:
            report_taipan_failure(failure)
            return 1
        taipan_times.append(t)
    taipan_s = min(taipan_times)

    print(f'stdlib: {args.stdlib}')
    print(f'files: {len(sources)} ({len(rejected)} skipped: rejected by '
          f'CPython or unreadable)')
    print(f'size: {total_mb:.2f} MB')
    print(f'taipan processes per run: {len(groups)}')
    print(f'best of {args.repeat}:')
    print(f'CPython ast.parse: {cpython_s:.3f} s  '
          f'({total_mb / cpython_s:.1f} MB/s)')
    print(f'Taipan -fsyntax-only: {taipan_s:.3f} s  '
          f'({total_mb / taipan_s:.1f} MB/s)')
    ratio = cpython_s / taipan_s
    print(f'ratio: Taipan is {ratio:.{1 if ratio >= 1 else 2}f}x faster '
          f'than CPython ast.parse')
    return 0


if __name__ == '__main__':
    sys.exit(main())
