#!/usr/bin/env python3
"""Checks that every diagnostic kind has a test, and that no test names a kind
that does not exist.

Usage:
    check_diag_coverage.py SRCROOT

Reads SRCROOT/frontend/diag/diagnostic_kind.def and the tests in
SRCROOT/test/diag (files ending in .py or .test; the Inputs directory holds
test inputs, not tests).  It fails, listing the problems, if

* a kind has no test/diag/<kind>.py or test/diag/<kind>.test;
* a test's file name is neither a kind, nor <kind>-<suffix> (an additional
  test for that kind), nor one of the tests that are about no single kind
  (NON_KIND_TESTS, optionally with -<suffix>);
* a test's <kind>.py / <kind>.test file does not check for [<kind>];
* a test checks for a bracketed [kind-name] that is not a kind.
"""

import os
import re
import sys

DIAG_RE = re.compile(r'^\s*DIAG\(\s*(\w+)\s*,\s*"([^"]+)"\s*,', re.MULTILINE)
# A kind name in brackets at the end of a CHECK line: "... [kind-name]".
CHECKED_KIND_RE = re.compile(r'^\s*#\s*CHECK[A-Z-]*:.*\[([a-z0-9]+(?:-[a-z0-9]+)*)\]\s*$', re.MULTILINE)
TEST_SUFFIXES = ('.py', '.test')
# Tests in test/diag that are about no single kind.
NON_KIND_TESTS = ('all-kinds-tested', 'first-error-order')


def read_kinds(def_path):
    with open(def_path, encoding='utf-8') as f:
        text = f.read()
    # Drop // comments so that the example in the header is not a kind.
    text = re.sub(r'//[^\n]*', '', text)
    kinds = [m.group(2) for m in DIAG_RE.finditer(text)]
    return kinds


def owner_kind(stem, kinds):
    """The kind a test named STEM is for, None for a non-kind test, or False."""
    if stem in kinds:
        return stem
    for name in NON_KIND_TESTS:
        if stem == name or stem.startswith(name + '-'):
            return None
    # <kind>-<suffix>: the longest kind that is a prefix.
    best = False
    for kind in kinds:
        if stem.startswith(kind + '-') and (best is False or len(kind) > len(best)):
            best = kind
    return best


def main(argv):
    if len(argv) != 2:
        print('usage: check_diag_coverage.py SRCROOT', file=sys.stderr)
        return 2
    srcroot = argv[1]
    def_path = os.path.join(srcroot, 'frontend', 'diag', 'diagnostic_kind.def')
    test_dir = os.path.join(srcroot, 'test', 'diag')
    kinds = read_kinds(def_path)
    if not kinds:
        print('error: no DIAG(...) entries found in %s' % def_path)
        return 1
    kind_set = set(kinds)
    problems = []

    duplicates = sorted({k for k in kinds if kinds.count(k) > 1})
    for kind in duplicates:
        problems.append('kind [%s] is listed more than once in %s' % (kind, def_path))

    tests = sorted(name for name in os.listdir(test_dir)
                   if name.endswith(TEST_SUFFIXES) and os.path.isfile(os.path.join(test_dir, name)))
    stems = {}
    for name in tests:
        stem = name[:name.rindex('.')]
        stems.setdefault(stem, []).append(name)

    for kind in kinds:
        if kind not in stems:
            problems.append('kind [%s] has no test: expected test/diag/%s.py or test/diag/%s.test'
                            % (kind, kind, kind))

    for name in tests:
        stem = name[:name.rindex('.')]
        owner = owner_kind(stem, kind_set)
        if owner is False:
            problems.append('test/diag/%s names no diagnostic kind (expected <kind>, <kind>-<suffix> or one of: %s)'
                            % (name, ', '.join(NON_KIND_TESTS)))
        with open(os.path.join(test_dir, name), encoding='utf-8', errors='replace') as f:
            text = f.read()
        checked = set(CHECKED_KIND_RE.findall(text))
        for kind in sorted(checked - kind_set):
            problems.append('test/diag/%s checks for [%s], which is not a diagnostic kind' % (name, kind))
        if owner is not None and owner is not False and stem == owner and owner not in checked:
            problems.append('test/diag/%s does not check for [%s]' % (name, owner))

    for stem, names in sorted(stems.items()):
        if len(names) > 1:
            problems.append('test/diag/%s: more than one test with this name' % ' and '.join(names))

    if problems:
        print('%d problem(s) with the diagnostics tests:' % len(problems))
        for problem in problems:
            print('  ' + problem)
        return 1
    print('all %d diagnostic kinds have a test (%d test files)' % (len(kinds), len(tests)))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
