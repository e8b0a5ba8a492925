#!/usr/bin/env python3
"""Differential test: does Taipan accept exactly the Python files CPython accepts?

Usage:
    compare_with_cpython.py --taipan PATH [--exclude-dir NAME ...]
                            [--max-files N] [--report FILE] DIR [DIR ...]

Every ``*.py`` file under the given directories (walked in sorted order,
skipping directories named by --exclude-dir) is checked twice:

* CPython: ``compile(source_bytes, path, 'exec', dont_inherit=True)`` with
  warnings ignored, in a pool of worker processes.  Any exception is a
  rejection (SyntaxError, ValueError for null bytes, ...), except
  RecursionError / MemoryError, which make the file "skipped" (the file is
  still given to Taipan to look for crashes and hangs, but not classified).
  CPython's 4300-digit limit on int literals is switched off, and a file
  that CPython rejects only for an implementation limit (too many nested
  parentheses / indentation levels / nested blocks) but Taipan accepts is
  counted as CPYTHON-LIMIT, not as a false accept.
* Taipan: ``taipan compile -fsyntax-only FILE...`` run on batches of about
  200 files.  Diagnostics ``PATH:LINE:COL: error: MESSAGE [kind]`` on stderr
  are mapped back to the files.  A batch that crashes (exit status other than
  0/1, death by signal, sanitizer or assertion output, or output
  inconsistent with the exit status) or times out is re-run one file at a
  time to find the culprits.

Each file is classified as OK-accept, OK-reject, FALSE-REJECT, FALSE-ACCEPT,
CRASH or HANG.  For OK-reject files the error line is compared with
CPython's SyntaxError line (informational only).

The exit status is 0 iff there is no FALSE-REJECT, FALSE-ACCEPT, CRASH or
HANG.  At most 50 problems of each kind are printed; --report FILE gets all
of them.
"""

import argparse
import concurrent.futures
import os

import re
import subprocess
import sys
import time
import warnings
from concurrent.futures.process import BrokenProcessPool

from pycorpus import collect_files

BATCH_SIZE = 200
BATCH_TIMEOUT = 120.0
SINGLE_TIMEOUT = 20.0
CPYTHON_CHUNK = 25
JOBS = 2
PRINT_LIMIT = 50

DIAG_RE = re.compile(r'^(.*):(\d+):(\d+): error: (.*) \[([a-z0-9-]+)\]$')
CRASH_MARKERS = (
    'AddressSanitizer', 'LeakSanitizer', 'UndefinedBehaviorSanitizer',
    'ThreadSanitizer', 'MemorySanitizer', 'runtime error:', 'Assertion',
)
PROBLEM_KINDS = ('FALSE-REJECT', 'FALSE-ACCEPT', 'CRASH', 'HANG')
# CPython SyntaxErrors that come from CPython implementation limits, not from
# the language.  A file CPython rejects only for one of these and Taipan
# accepts is counted as CPYTHON-LIMIT (informational), not FALSE-ACCEPT.
INFO_KINDS = ('SKIP', 'CPYTHON-LIMIT')
CPYTHON_LIMIT_MSGS = (
    'too many nested parentheses',          # tokenizer MAXLEVEL (200)
    'too many levels of indentation',       # tokenizer MAXINDENT (100)
    'too many statically nested blocks',    # compiler CO_MAXBLOCKS (20)
)


# --------------------------------------------------------------------------
# CPython side

def cpython_check(path):
    """Compile one file with CPython; return a small result dict.

    status is 'accept', 'reject' or 'skip'; for a SyntaxError the dict also
    holds lineno/offset; msg is always a one-line description.
    """
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        return {'status': 'skip', 'msg': f'cannot read: {e}'}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            compile(data, path, 'exec', dont_inherit=True)
    except (RecursionError, MemoryError) as e:
        return {'status': 'skip', 'msg': f'{type(e).__name__}: {e}'}
    except SyntaxError as e:  # includes IndentationError, TabError
        return {'status': 'reject', 'exc': type(e).__name__,
                'msg': f'{type(e).__name__}: {e.msg}',
                'lineno': e.lineno, 'offset': e.offset}
    except Exception as e:  # ValueError (null bytes), UnicodeDecodeError...
        return {'status': 'reject', 'exc': type(e).__name__,
                'msg': f'{type(e).__name__}: {e}',
                'lineno': None, 'offset': None}
    return {'status': 'accept'}


def cpython_check_chunk(paths):
    return [cpython_check(p) for p in paths]


def _init_worker():
    warnings.simplefilter('ignore')
    # Integer literals longer than 4300 digits are a runtime DoS guard of
    # CPython (sys.int_info), not a syntax rule; switch the guard off.
    if hasattr(sys, 'set_int_max_str_digits'):
        sys.set_int_max_str_digits(0)


def cpython_check_all(files, jobs=JOBS):
    """Run cpython_check over files in a process pool; return {path: result}.

    If CPython itself crashes a worker (a segfault on a pathological input),
    the chunks lost with the pool are halved and retried in a fresh pool
    until the crashing file is isolated; it is then reported as 'skip'.
    """
    results = {}
    pending = [files[i:i + CPYTHON_CHUNK]
               for i in range(0, len(files), CPYTHON_CHUNK)]
    while pending:
        retry = []
        with concurrent.futures.ProcessPoolExecutor(
                max_workers=jobs, initializer=_init_worker) as pool:
            futures = {pool.submit(cpython_check_chunk, c): c for c in pending}
            for fut in concurrent.futures.as_completed(futures):
                chunk = futures[fut]
                try:
                    results.update(zip(chunk, fut.result()))
                except BrokenProcessPool:
                    if len(chunk) == 1:
                        results[chunk[0]] = {
                            'status': 'skip',
                            'msg': 'CPython worker process died'}
                    else:
                        half = len(chunk) // 2
                        retry += [chunk[:half], chunk[half:]]
        pending = retry
    return results


# --------------------------------------------------------------------------
# Taipan side

def run_taipan(taipan, paths, timeout):
    """Run taipan -fsyntax-only on paths; return (returncode|None, stderr).

    returncode is None on timeout.
    """
    cmd = [taipan, 'compile', '-fsyntax-only', *paths]
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired as e:
        err = e.stderr or b''
        return None, err.decode('utf-8', 'surrogateescape')
    return proc.returncode, proc.stderr.decode('utf-8', 'surrogateescape')


def match_diagnostic(line, known):
    """Return (path, line, col, msg, kind) if line is a diagnostic for a
    path in known, else None.  The path part is matched against the known
    paths so that colons in paths or messages cannot confuse us."""
    m = DIAG_RE.match(line)
    if not m:
        return None
    if m.group(1) in known:
        return (m.group(1), int(m.group(2)), int(m.group(3)),
                m.group(4), m.group(5))
    for path in known:  # path contains something the greedy regex mis-split
        if line.startswith(path + ':'):
            m2 = DIAG_RE.match('X' + line[len(path):])
            if m2:
                return (path, int(m2.group(2)), int(m2.group(3)),
                        m2.group(4), m2.group(5))
    return None


def parse_stderr(stderr, paths):
    """Split taipan stderr into ({path: first diagnostic}, crash_lines).

    The two lines after a diagnostic (source line and caret line) are not
    searched for crash markers, since they echo user source text.
    """
    known = set(paths)
    diags = {}
    crash_lines = []
    context_left = 0
    for line in stderr.splitlines():
        d = match_diagnostic(line, known)
        if d is not None:
            diags.setdefault(d[0], d)
            context_left = 2
            continue
        if context_left:
            context_left -= 1
            continue
        if any(marker in line for marker in CRASH_MARKERS):
            crash_lines.append(line)
    return diags, crash_lines


def batch_trouble(rc, diags, crash_lines):
    """Return a description of why a run looks crashed, or None if clean."""
    if rc is None:
        return 'timeout'
    if rc < 0:
        return f'killed by signal {-rc}'
    if rc not in (0, 1):
        return f'exit status {rc}'
    if crash_lines:
        return crash_lines[0].strip()[:200]
    if rc == 1 and not diags:
        return 'exit status 1 but no diagnostic'
    if rc == 0 and diags:
        return 'exit status 0 but diagnostics printed'
    return None


def taipan_check_single(taipan, path):
    """Run taipan on one file; return a result dict for it."""
    rc, stderr = run_taipan(taipan, [path], SINGLE_TIMEOUT)
    diags, crash_lines = parse_stderr(stderr, [path])
    trouble = batch_trouble(rc, diags, crash_lines)
    if rc is None:
        return {'status': 'hang', 'msg': f'no result after {SINGLE_TIMEOUT:.0f} s'}
    if trouble is not None:
        head = ' | '.join(stderr.strip().splitlines()[:3])[:300]
        return {'status': 'crash', 'msg': f'{trouble}; stderr: {head}'}
    return taipan_result(path, diags)


def taipan_result(path, diags):
    d = diags.get(path)
    if d is None:
        return {'status': 'accept'}
    _, line, col, msg, kind = d
    return {'status': 'reject', 'lineno': line, 'offset': col,
            'msg': f'{path}:{line}:{col}: error: {msg} [{kind}]'}


def taipan_check_batch(taipan, paths):
    """Run one batch; return ({path: result}, [batch-level problems])."""
    rc, stderr = run_taipan(taipan, paths, BATCH_TIMEOUT)
    diags, crash_lines = parse_stderr(stderr, paths)
    trouble = batch_trouble(rc, diags, crash_lines)
    if trouble is None:
        return {p: taipan_result(p, diags) for p in paths}, []
    results = {p: taipan_check_single(taipan, p) for p in paths}
    culprits = [p for p, r in results.items() if r['status'] in ('crash', 'hang')]
    batch_problems = []
    if not culprits:
        kind = 'HANG' if rc is None else 'CRASH'
        desc = (f'batch of {len(paths)} files ({paths[0]} .. {paths[-1]}) '
                f'failed ({trouble}) but no single file reproduces it')
        batch_problems.append((kind, desc))
    return results, batch_problems


def taipan_check_all(taipan, files, jobs=JOBS, progress=None):
    """Run taipan over all files in batches; return (results, batch_problems)."""
    batches = [files[i:i + BATCH_SIZE] for i in range(0, len(files), BATCH_SIZE)]
    results = {}
    problems = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = [pool.submit(taipan_check_batch, taipan, b) for b in batches]
        for done, fut in enumerate(concurrent.futures.as_completed(futures), 1):
            r, p = fut.result()
            results.update(r)
            problems += p
            if progress:
                progress(f'taipan: {done}/{len(batches)} batches')
    return results, problems


# --------------------------------------------------------------------------
# Classification and reporting

def fmt_pos(lineno, offset):
    if lineno is None:
        return '?'
    return f'{lineno}:{offset}' if offset is not None else str(lineno)


def classify(path, cp, tp):
    """Return (category, detail) for one file."""
    if tp['status'] == 'crash':
        return 'CRASH', tp['msg']
    if tp['status'] == 'hang':
        return 'HANG', tp['msg']
    if cp['status'] == 'skip':
        return 'SKIP', cp['msg']
    if cp['status'] == 'accept':
        if tp['status'] == 'accept':
            return 'OK-accept', ''
        return 'FALSE-REJECT', tp['msg']
    if tp['status'] == 'accept':
        if any(m in cp['msg'] for m in CPYTHON_LIMIT_MSGS):
            return 'CPYTHON-LIMIT', cp['msg']
        return 'FALSE-ACCEPT', f'CPython: {cp["msg"]} at {fmt_pos(cp["lineno"], cp["offset"])}'
    return 'OK-reject', ''


def line_comparison(path, cp, tp):
    """For an OK-reject file return None if lines agree, else a message."""
    if cp.get('lineno') == tp['lineno']:
        return None
    if not cp.get('lineno'):  # null bytes (None), bad encoding (0)
        return 'unknown'
    return (f'{path}: CPython {fmt_pos(cp.get("lineno"), cp.get("offset"))} '
            f'({cp["msg"]}), Taipan {fmt_pos(tp["lineno"], tp["offset"])} '
            f'({tp["msg"].split(": error: ", 1)[-1]})')


def build_report(files, cpy, tai, batch_problems):
    """Classify everything; return (counts, entries, line_differs, lines).

    lines counts OK-reject files by line agreement: 'agrees', 'unknown'
    (CPython gave no line number).
    """
    counts = {k: 0 for k in ('OK-accept', 'OK-reject') + INFO_KINDS + PROBLEM_KINDS}
    entries = {k: [] for k in PROBLEM_KINDS + INFO_KINDS}
    line_differs = []
    lines = {'agrees': 0, 'unknown': 0}
    for path in files:
        cat, detail = classify(path, cpy[path], tai[path])
        counts[cat] += 1
        if cat in entries:
            entries[cat].append(f'{cat} {path}: {detail}')
        if cat == 'OK-reject':
            diff = line_comparison(path, cpy[path], tai[path])
            if diff is None:
                lines['agrees'] += 1
            elif diff == 'unknown':
                lines['unknown'] += 1
            else:
                line_differs.append(diff)
    for kind, desc in batch_problems:
        counts[kind] += 1
        entries[kind].append(f'{kind} {desc}')
    return counts, entries, line_differs, lines


def summary_lines(n_files, counts, lines, line_differs):
    return [
        f'compare: {n_files} files, {counts["OK-accept"]} accepted by both, '
        f'{counts["OK-reject"]} rejected by both, '
        f'{counts["FALSE-REJECT"]} false rejects, '
        f'{counts["FALSE-ACCEPT"]} false accepts, '
        f'{counts["CRASH"]} crashes, {counts["HANG"]} hangs',
        f'rejected by both: line agrees {lines["agrees"]}, '
        f'line differs {len(line_differs)}, '
        f'no CPython line {lines["unknown"]}',
        f'not classified: {counts["SKIP"]} skipped (CPython RecursionError/'
        f'MemoryError/unreadable), {counts["CPYTHON-LIMIT"]} accepted by '
        f'Taipan but over a CPython implementation limit',
    ]


def section(title, items, limit=None):
    shown = items if limit is None else items[:limit]
    out = [f'--- {title} ({len(items)}) ---'] + shown
    if len(shown) < len(items):
        out.append(f'... {len(items) - len(shown)} more (see --report)')
    return out


def render(entries, line_differs, summary, limit):
    out = []
    for kind in PROBLEM_KINDS + INFO_KINDS:
        if entries[kind]:
            out += section(kind, entries[kind], limit)
    if line_differs:
        out += section('rejected by both, line differs (informational)',
                       line_differs, limit)
    return out + summary


# --------------------------------------------------------------------------

def parse_args(argv):
    ap = argparse.ArgumentParser(
        description='Compare Taipan -fsyntax-only with CPython compile().')
    ap.add_argument('--taipan', required=True, help='path of the taipan binary')
    ap.add_argument('--exclude-dir', action='append', default=[],
                    metavar='NAME', help='directory name to skip (repeatable)')
    ap.add_argument('--max-files', type=int, default=None, metavar='N',
                    help='only check the first N files')
    ap.add_argument('--report', metavar='FILE',
                    help='write the full (unabridged) report here')
    ap.add_argument('--jobs', type=int, default=JOBS,
                    help=f'parallel processes (default {JOBS})')
    ap.add_argument('dirs', nargs='+', metavar='DIR')
    return ap.parse_args(argv)


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def main(argv=None):
    args = parse_args(argv)
    sys.stdout.reconfigure(errors='backslashreplace')
    sys.stderr.reconfigure(errors='backslashreplace')
    files = collect_files(args.dirs, args.exclude_dir, args.max_files)
    if not files:
        log('compare: no *.py files found')
        return 2

    t0 = time.perf_counter()
    cpy = cpython_check_all(files, args.jobs)
    t1 = time.perf_counter()
    log(f'cpython: {len(files)} files in {t1 - t0:.1f} s')
    tai, batch_problems = taipan_check_all(args.taipan, files, args.jobs)
    t2 = time.perf_counter()
    log(f'taipan: {len(files)} files in {t2 - t1:.1f} s')

    counts, entries, line_differs, lines = build_report(
        files, cpy, tai, batch_problems)
    summary = summary_lines(len(files), counts, lines, line_differs)
    print('\n'.join(render(entries, line_differs, summary, PRINT_LIMIT)))
    if args.report:
        with open(args.report, 'w', encoding='utf-8') as f:
            f.write('\n'.join(render(entries, line_differs, summary, None)))
            f.write('\n')
    failed = any(counts[k] for k in PROBLEM_KINDS)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
