#!/usr/bin/env python3
"""Differential test: does Taipan's scope resolution agree with CPython 3.11's?

Usage:
    compare_scopes_with_cpython.py --taipan PATH [--max-files N]
        [--exclude-dir NAME ...] [--all] [--limit N] [--jobs N] DIR|FILE ...

Every ``*.py`` file under the given directories (walked in sorted order,
skipping directories named site-packages and __pycache__ plus any given with
--exclude-dir) that CPython compiles is analysed twice:

* CPython: ``_symtable.symtable(source, path, 'exec')`` (the raw table behind
  the ``symtable`` module) gives every scope with its type, name, line and
  ``{name: flags}``; a symbol's classification is
  ``(flags >> SCOPE_OFF) & SCOPE_MASK``.  Scope flags that the symbol table
  does not expose are read from the code objects ``compile()`` makes (the
  compiler copies them from the table: CO_GENERATOR / CO_COROUTINE /
  CO_ASYNC_GENERATOR / CO_VARARGS / CO_VARKEYWORDS, and a class body whose
  co_cellvars hold ``__class__`` needs the class cell); import-star is read
  from the AST.
* Taipan: ``taipan compile --emit=scopes FILE...`` on chunks of files.

Per scope the tool compares: kind (module / class / function / lambda /
comprehension and its node kind), name, line (not for the module), scope
flags, the set of symbols, and per symbol its classification (local, cell,
free, global, global-implicit) and its flags (param, assigned, used,
declared-global, declared-nonlocal, annotated, imported, iteration,
free-in-class).  CPython's implicit ``.0`` parameter of comprehensions is
ignored.  Child scopes are paired in order when they line up by kind, name and line;
otherwise each CPython child is paired with the Taipan child of the same
kind and name nearest in line, and unpaired or out-of-order children are
differences.  Scope paths in the output carry CPython's lines.

For each differing file the first difference is printed (all of them with
--all), then a tally of difference categories, then the summary line

    scopes-compare: N files, M identical, K differ

where N counts the files CPython compiles (files Taipan rejects, crashes or
hangs on count as differing).  The exit status is 0 iff K == 0.  Needs
CPython 3.11 (3.12 inlines comprehensions and changes the tables).
"""

import argparse
import ast
import collections
import concurrent.futures
import os

import re
import subprocess
import sys
import types
import warnings

import _symtable

from pycorpus import collect_files

CHUNK = 40
CHUNK_TIMEOUT = 120.0
SINGLE_TIMEOUT = 20.0
DEFAULT_EXCLUDES = ('site-packages', '__pycache__')
MAX_DIFFS_PER_FILE = 200

# CPython 3.11 Include/internal/pycore_symtable.h.  _symtable does not export
# DEF_COMP_ITER.
DEF_GLOBAL = _symtable.DEF_GLOBAL
DEF_LOCAL = _symtable.DEF_LOCAL
DEF_PARAM = _symtable.DEF_PARAM
DEF_NONLOCAL = _symtable.DEF_NONLOCAL
USE = _symtable.USE
DEF_FREE_CLASS = _symtable.DEF_FREE_CLASS
DEF_IMPORT = _symtable.DEF_IMPORT
DEF_ANNOT = _symtable.DEF_ANNOT
DEF_COMP_ITER = 2 << 8
SCOPE_OFF = _symtable.SCOPE_OFF
SCOPE_MASK = _symtable.SCOPE_MASK

CLASSIFICATION = {
    _symtable.LOCAL: 'local',
    _symtable.CELL: 'cell',
    _symtable.FREE: 'free',
    _symtable.GLOBAL_EXPLICIT: 'global',
    _symtable.GLOBAL_IMPLICIT: 'global-implicit',
}
SYMBOL_FLAGS = (
    (DEF_PARAM, 'param'),
    (DEF_LOCAL, 'assigned'),
    (USE, 'used'),
    (DEF_GLOBAL, 'declared-global'),
    (DEF_NONLOCAL, 'declared-nonlocal'),
    (DEF_ANNOT, 'annotated'),
    (DEF_IMPORT, 'imported'),
    (DEF_COMP_ITER, 'iteration'),
    (DEF_FREE_CLASS, 'free-in-class'),
)
COMPREHENSIONS = {'listcomp': 'ListComp', 'setcomp': 'SetComp',
                  'dictcomp': 'DictComp', 'genexpr': 'GeneratorExp'}
CODE_NAMES = {'lambda': '<lambda>', 'listcomp': '<listcomp>',
              'setcomp': '<setcomp>', 'dictcomp': '<dictcomp>',
              'genexpr': '<genexpr>'}
CO_VARARGS = 0x4
CO_VARKEYWORDS = 0x8
CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200

HEADER_RE = re.compile(
    r"^( *)(module|class|function|lambda|comprehension)(?: '([^']*)')?"
    r"(?: (ListComp|SetComp|DictComp|GeneratorExp))? <(\d+):(\d+)>"
    r"((?: [a-z-]+)*)$")
SYMBOL_RE = re.compile(
    r"^( *)(\S+): (local|cell|free|global|global-implicit)((?: [a-z-]+)*)$")
IMPORT_STAR_RE = re.compile(rb'import[\s\\]*\*')


class Scope:
    """One scope of either side, in a common form."""
    __slots__ = ('kind', 'name', 'comp', 'line', 'flags', 'symbols',
                 'children')

    def __init__(self, kind, name, comp, line, flags):
        self.kind = kind        # module/class/function/lambda/comprehension
        self.name = name        # def/class name, else None
        self.comp = comp        # ListComp/... for comprehensions, else None
        self.line = line
        self.flags = flags      # frozenset of scope flags, None if unknown
        self.symbols = {}       # name -> (classification, frozenset(flags))
        self.children = []

    def label(self):
        text = self.kind
        if self.name is not None:
            text += " '%s'" % self.name
        if self.comp is not None:
            text += ' ' + self.comp
        if self.kind != 'module':
            text += ' <%s>' % self.line
        return text

    def key(self):
        return (self.kind, self.name, self.comp)


# --------------------------------------------------------------------------
# CPython side

def code_children(code):
    return [c for c in code.co_consts if isinstance(c, types.CodeType)]


def match_code(ste, pool):
    """The code object in pool (unused ones) compiled from the table ste."""
    if ste.type == _symtable.TYPE_MODULE or ste.type not in (
            _symtable.TYPE_FUNCTION, _symtable.TYPE_CLASS):
        return None
    is_named = ste.type == _symtable.TYPE_CLASS or ste.name not in CODE_NAMES
    want = ste.name if is_named else CODE_NAMES[ste.name]
    # The compiler emits scopes in another order than the symbol table (a
    # comprehension's first iterable after the comprehension, decorators
    # before defaults), so take the candidate whose variables fit best.
    by_scope = collections.defaultdict(set)
    for name, flags in ste.symbols.items():
        by_scope[(flags >> SCOPE_OFF) & SCOPE_MASK].add(name)
    best = best_score = None
    for i, code in enumerate(pool):
        if code is None or code.co_name != want:
            continue
        # A decorated def's code starts at its first decorator; lambdas and
        # comprehensions start where the table does.
        if not is_named and code.co_firstlineno != ste.lineno:
            continue
        score = (len(by_scope[_symtable.LOCAL] & set(code.co_varnames)) +
                 len(by_scope[_symtable.CELL] & set(code.co_cellvars)) +
                 len(by_scope[_symtable.FREE] & set(code.co_freevars)))
        if best is None or score > best_score:
            best, best_score = i, score
    if best is None:
        return None
    code = pool[best]
    pool[best] = None
    return code


def demangle(name, class_name):
    """Taipan follows MicroPython, which does not mangle private names
    (`__x` in class C stays `__x`; CPython makes it `_C__x`): undo
    CPython's mangling so the two tables can be compared."""
    if class_name is None:
        return name
    stripped = class_name.lstrip('_')
    prefix = '_' + stripped + '__'
    if stripped and name.startswith(prefix) and not name.endswith('__'):
        return name[len(prefix) - 2:]
    return name


def convert_ste(ste, code, import_star, class_name=None):
    if ste.type == _symtable.TYPE_MODULE:
        scope = Scope('module', None, None, 1,
                      frozenset(['import-star'] if import_star else []))
    elif ste.type == _symtable.TYPE_CLASS:
        flags = None
        if code is not None:
            flags = frozenset(['needs-class-cell']
                              if '__class__' in code.co_cellvars else [])
        scope = Scope('class', ste.name, None, ste.lineno, flags)
    elif ste.type == _symtable.TYPE_FUNCTION:
        flags = None
        if code is not None:
            f = code.co_flags
            flags = set()
            if f & (CO_GENERATOR | CO_ASYNC_GENERATOR):
                flags.add('generator')
            if f & (CO_COROUTINE | CO_ASYNC_GENERATOR):
                flags.add('coroutine')
            if f & CO_VARARGS:
                flags.add('varargs')
            if f & CO_VARKEYWORDS:
                flags.add('varkeywords')
            flags = frozenset(flags)
        if ste.name == 'lambda':
            scope = Scope('lambda', None, None, ste.lineno, flags)
        elif ste.name in COMPREHENSIONS and '.0' in ste.symbols:
            scope = Scope('comprehension', None, COMPREHENSIONS[ste.name],
                          ste.lineno, flags)
        else:
            scope = Scope('function', ste.name, None, ste.lineno, flags)
    else:
        # AnnotationBlock: `from __future__ import annotations` makes 3.11
        # put each annotation in a scope of its own.
        scope = Scope('annotation', ste.name, None, ste.lineno, None)
    for name, flags in ste.symbols.items():
        if name == '.0' and scope.kind == 'comprehension':
            continue
        cls = CLASSIFICATION.get((flags >> SCOPE_OFF) & SCOPE_MASK, 'none')
        own_class = ste.name if ste.type == _symtable.TYPE_CLASS else class_name
        scope.symbols[demangle(name, own_class)] = (cls, frozenset(
            text for bit, text in SYMBOL_FLAGS if flags & bit))
    pool = code_children(code) if code is not None else []
    # Names are mangled with the innermost enclosing class's name.
    inner_class = ste.name if ste.type == _symtable.TYPE_CLASS else class_name
    for child in ste.children:
        scope.children.append(
            convert_ste(child, match_code(child, pool), False, inner_class))
    return scope


def has_import_star(data):
    if not IMPORT_STAR_RE.search(data):
        return False
    tree = ast.parse(data)
    return any(isinstance(node, ast.ImportFrom) and
               any(alias.name == '*' for alias in node.names)
               for node in ast.walk(tree))


def cpython_scopes(path):
    """(Scope tree, None), or (None, why CPython does not compile it)."""
    try:
        with open(path, 'rb') as f:
            data = f.read()
    except OSError as e:
        return None, 'cannot read: %s' % e
    try:
        code = compile(data, path, 'exec', dont_inherit=True)
        table = _symtable.symtable(data, path, 'exec')
        return convert_ste(table, code, has_import_star(data)), None
    except (RecursionError, MemoryError) as e:
        return None, type(e).__name__
    except Exception as e:  # SyntaxError, ValueError, UnicodeDecodeError...
        return None, '%s: %s' % (type(e).__name__, e)


# --------------------------------------------------------------------------
# Taipan side

def parse_taipan(text):
    """The Scope trees of a --emit=scopes output, one per module."""
    modules = []
    stack = []  # (indent, Scope)
    for line in text.splitlines():
        if not line.strip():
            continue
        m = HEADER_RE.match(line)
        if m:
            indent = len(m.group(1))
            kind = m.group(2)
            flags = frozenset(m.group(7).split())
            scope = Scope(kind, m.group(3), m.group(4), int(m.group(5)),
                          flags)
            if kind == 'module' and indent == 0:
                modules.append(scope)
                stack = [(0, scope)]
                continue
            while stack and stack[-1][0] >= indent:
                stack.pop()
            if not stack or stack[-1][0] != indent - 2:
                raise ValueError('bad nesting: %r' % line)
            stack[-1][1].children.append(scope)
            stack.append((indent, scope))
            continue
        m = SYMBOL_RE.match(line)
        if m:
            indent = len(m.group(1))
            while stack and stack[-1][0] > indent - 2:
                stack.pop()
            if not stack or stack[-1][0] != indent - 2:
                raise ValueError('symbol outside a scope: %r' % line)
            stack[-1][1].symbols[m.group(2)] = (
                m.group(3), frozenset(m.group(4).split()))
            continue
        raise ValueError('unrecognised line: %r' % line)
    return modules


def run_taipan(taipan, paths, timeout):
    """(status, modules or message); status ok/error/crash/hang."""
    cmd = [taipan, 'compile', '--emit=scopes', *paths]
    try:
        proc = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              timeout=timeout)
    except subprocess.TimeoutExpired:
        return 'hang', 'timed out after %gs' % timeout
    err = proc.stderr.decode('utf-8', 'replace')
    if proc.returncode < 0 or proc.returncode > 1:
        return 'crash', 'exit status %d: %s' % (proc.returncode,
                                                 err.strip()[:300])
    if proc.returncode != 0:
        return 'error', err.strip().splitlines()[0] if err.strip() else \
            'exit status 1'
    try:
        modules = parse_taipan(proc.stdout.decode('utf-8', 'surrogateescape'))
    except ValueError as e:
        return 'error', 'unparsable output: %s' % e
    if len(modules) != len(paths):
        return 'error', '%d modules printed for %d files' % (len(modules),
                                                             len(paths))
    return 'ok', modules


# --------------------------------------------------------------------------
# Comparison

def fmt_symbol(sym):
    if sym is None:
        return '(absent)'
    cls, flags = sym
    return ' '.join([cls] + [f for _, f in SYMBOL_FLAGS if f in flags])


def fmt_flags(flags):
    return '[%s]' % ' '.join(sorted(flags)) if flags is not None else '?'


def compare_scope(cp, tp, where, diffs):
    """Append (category, message) for each difference of cp (CPython) and tp
    (Taipan), which are paired scopes with equal key()."""
    here = where + [cp.label()]  # CPython's line
    path = ' > '.join(here)
    if cp.kind != 'module' and cp.line != tp.line:
        diffs.append(('scope line', '%s: line: taipan %d, cpython %d'
                      % (path, tp.line, cp.line)))
    if cp.flags is not None and cp.flags != tp.flags:
        extra = sorted(tp.flags - cp.flags)
        missing = sorted(cp.flags - tp.flags)
        cat = ' '.join(['scope flags'] + ['+' + f for f in extra] +
                       ['-' + f for f in missing])
        diffs.append((cat, '%s: scope flags: taipan %s, cpython %s'
                      % (path, fmt_flags(tp.flags), fmt_flags(cp.flags))))
    for name in sorted(set(cp.symbols) | set(tp.symbols)):
        c = cp.symbols.get(name)
        t = tp.symbols.get(name)
        if c == t:
            continue
        if c is None:
            cat = 'symbol only in taipan (%s)' % t[0]
        elif t is None:
            cat = 'symbol missing in taipan (%s)' % c[0]
        elif c[0] != t[0]:
            cat = 'classification cpython %s, taipan %s' % (c[0], t[0])
        else:
            cat = 'symbol flags%s%s' % (
                ''.join(' +' + f for f in sorted(t[1] - c[1])),
                ''.join(' -' + f for f in sorted(c[1] - t[1])))
        diffs.append((cat, '%s: symbol %r: taipan %s, cpython %s'
                      % (path, name, fmt_symbol(t), fmt_symbol(c))))
    compare_children(cp, tp, here, diffs)


def describe(scope):
    """The label and the first few symbols, to tell apart scopes on a line."""
    names = list(scope.symbols)[:3]
    return '%s {%s}' % (scope.label(), ', '.join(names))


def line_distance(t, c):
    """How far Taipan scope t is from CPython scope c; a Taipan line after
    CPython's is worse than one before it (decorators come first), and
    among scopes on one line those with other symbols are further."""
    return (t.line > c.line, abs(t.line - c.line),
            set(t.symbols) != set(c.symbols))


def compare_children(cp, tp, here, diffs):
    path = ' > '.join(here)
    if [(c.key(), c.line, set(c.symbols)) for c in cp.children] == \
            [(t.key(), t.line, set(t.symbols)) for t in tp.children]:
        for c, t in zip(cp.children, tp.children):
            compare_scope(c, t, here, diffs)
        return
    # Pair each CPython child with the Taipan child of the same (kind, name,
    # comp) nearest in line (lines differ by a def's decorators) and, on one
    # line, with the same symbols; then say what does not pair or pairs out
    # of order.
    taken = [False] * len(tp.children)
    pairs = []
    for c in cp.children:
        best = None
        for i, t in enumerate(tp.children):
            if not taken[i] and t.key() == c.key() and (
                    best is None or line_distance(t, c) <
                    line_distance(tp.children[best], c)):
                best = i
        if best is not None:
            taken[best] = True
        pairs.append((c, best))
    paired = [(c, i) for c, i in pairs if i is not None]
    for (c1, i1), (c2, i2) in zip(paired, paired[1:]):
        if i2 < i1:
            diffs.append(('child scope order', '%s: child scope order: '
                          'taipan has %s before %s, cpython the other way'
                          % (path, describe(tp.children[i2]),
                             describe(tp.children[i1]))))
            break
    for c, i in pairs:
        if i is None:
            diffs.append(('scope missing in taipan (%s)' % c.kind,
                          '%s: child scope %s: only in cpython'
                          % (path, c.label())))
        else:
            compare_scope(c, tp.children[i], here, diffs)
    for i, t in enumerate(tp.children):
        if not taken[i]:
            diffs.append(('scope only in taipan (%s)' % t.kind,
                          '%s: child scope %s: only in taipan'
                          % (path, t.label())))


def compare_module(cp, tp):
    diffs = []
    compare_scope(cp, tp, [], diffs)
    return diffs[:MAX_DIFFS_PER_FILE]


# --------------------------------------------------------------------------
# Driver

def init_worker():
    warnings.simplefilter('ignore')
    if hasattr(sys, 'set_int_max_str_digits'):
        sys.set_int_max_str_digits(0)


def check_chunk(taipan, paths):
    """[(path, status, diffs)]: status skip/identical/differ."""
    results = {}
    cpython = {}
    for path in paths:
        scopes, why = cpython_scopes(path)
        if scopes is None:
            results[path] = ('skip', [('cpython', why)])
        else:
            cpython[path] = scopes
    todo = [p for p in paths if p in cpython]
    taipan_out = {}
    if todo:
        status, out = run_taipan(taipan, todo, CHUNK_TIMEOUT)
        if status == 'ok':
            taipan_out.update(zip(todo, ((status, m) for m in out)))
        else:
            for path in todo:
                taipan_out[path] = run_taipan(taipan, [path], SINGLE_TIMEOUT)
    for path in todo:
        status, out = taipan_out[path]
        if status != 'ok':
            results[path] = ('differ', [('taipan ' + status,
                                         'taipan %s: %s' % (status, out))])
            continue
        tp = out[0] if isinstance(out, list) else out
        diffs = compare_module(cpython[path], tp)
        results[path] = ('differ' if diffs else 'identical', diffs)
    return [(p,) + results[p] for p in paths]


def main():
    ap = argparse.ArgumentParser(
        description='Compare taipan --emit=scopes with CPython 3.11 symtable.')
    ap.add_argument('--taipan', required=True)
    ap.add_argument('--max-files', type=int)
    ap.add_argument('--exclude-dir', action='append', default=[])
    ap.add_argument('--jobs', type=int, default=2)
    ap.add_argument('--all', action='store_true',
                    help='print every difference, not just the first per file')
    ap.add_argument('--limit', type=int, default=None,
                    help='print at most this many differing files')
    ap.add_argument('paths', nargs='+')
    args = ap.parse_args()
    if sys.version_info[:2] != (3, 11):
        sys.exit('compare_scopes_with_cpython.py needs CPython 3.11, not %s'
                 % sys.version.split()[0])

    files = collect_files(args.paths,
                          set(DEFAULT_EXCLUDES) | set(args.exclude_dir),
                          args.max_files)
    chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
    results = {}
    with concurrent.futures.ProcessPoolExecutor(
            max_workers=args.jobs, initializer=init_worker) as pool:
        for chunk_result in pool.map(check_chunk,
                                     [args.taipan] * len(chunks), chunks):
            for path, status, diffs in chunk_result:
                results[path] = (status, diffs)

    compared = identical = differ = skipped = printed = 0
    tally = collections.Counter()
    example = {}
    for path in files:
        status, diffs = results[path]
        if status == 'skip':
            skipped += 1
            if args.all:
                print('SKIP %s: %s' % (path, diffs[0][1]))
            continue
        compared += 1
        if status == 'identical':
            identical += 1
            continue
        differ += 1
        for cat, msg in diffs:
            tally[cat] += 1
            example.setdefault(cat, '%s: %s' % (path, msg))
        if args.limit is None or printed < args.limit:
            printed += 1
            for cat, msg in (diffs if args.all else diffs[:1]):
                print('DIFF %s: %s' % (path, msg))
            if not args.all and len(diffs) > 1:
                print('  (+%d more differences in this file)'
                      % (len(diffs) - 1))
    if tally:
        print('difference categories (count, first example):')
        for cat, n in sorted(tally.items(), key=lambda kv: (-kv[1], kv[0])):
            print('  %6d  %s' % (n, cat))
            print('          e.g. %s' % example[cat])
    if skipped:
        print('scopes-compare: %d files skipped (CPython does not compile '
              'them)' % skipped)
    print('scopes-compare: %d files, %d identical, %d differ'
          % (compared, identical, differ))
    return 0 if differ == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
