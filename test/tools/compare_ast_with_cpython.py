#!/usr/bin/env python3
"""Differential test: does Taipan build the same AST as CPython's `ast` module?

Usage:
    compare_ast_with_cpython.py --taipan PATH [--max-files N] [--seed S]
                                [--jobs J] [--all-diffs] [--group] DIR...

Every ``*.py`` file under the given directories (walked in sorted order,
skipping ``site-packages`` and ``__pycache__`` directories) that CPython's
``ast.parse`` accepts is compared; the files CPython rejects are skipped
(accept/reject agreement is compare_with_cpython.py's business), and so is
a file ``ast.parse`` accepts but CPython's compiler rejects (``f(a=1,
a=2)``) when Taipan rejects it too.  ``--max-files N`` compares a
deterministic sample of N files (``random.Random(S).sample``, then sorted).
``--all-diffs`` lists every difference of a file while the two trees keep
the same shape, ``--group`` counts the files showing each class of
difference; both are for investigating, the summary line is the same.

How the comparison works.  ``taipan compile --emit=ast`` prints one node per
line (see frontend/parse/dump_ast.cpp):

    <indent><slot>: <Kind> [op] ['name'|literal] [extras] [flags] <l:c-l:c>

with list slots printed as ``<slot>:`` lines whose elements are indented two
more spaces.  For each file this script turns CPython's tree into the lines
Taipan should print (same kinds, slot names and order, operators, contexts,
names, constant values, positions converted to 1-based code-point columns)
and compares them with Taipan's lines after a light normalization of
Taipan's side.  Comparing line lists compares node kinds, op/context words,
names, values, child counts and source ranges all at once.  The first
differing line of a file is reported with a path to the node (Taipan's slot
names, e.g. ``body[3].value.left``), Taipan's line, the expected line and
CPython's own fields for that node.

The mapping between the two trees (Taipan's deliberate design, not
differences) is implemented in CPythonToTaipan and normalize_taipan.  The
classes of legitimate difference are each marked with a comment where they
are handled; ranges that are not compared (WILD) or only partly (pos_start):
  - nodes CPython gives no range: Module, arguments, comprehension,
    withitem, match_case, and Taipan-only nodes (ClassBases, the Blocks of
    try's else/finally, MatchKeyword, the Name nodes of alias.asname and of
    global/nonlocal names);
  - the parts of an f-string (CPython 3.11 gives them the whole literal's
    range), and an unparenthesized tuple or generator expression as a
    field's expression (CPython 3.11 gives it the braces' range);
  - an Arg with a default: Taipan's Arg owns the default and ends with it,
    so only its start is compared.
Anything else that differs is reported.

Exit status: 0 iff every compared file is identical.
"""

import argparse
import ast
import concurrent.futures
import importlib.util
import os

import random
import re
import subprocess
import sys
import warnings

from pycorpus import collect_files

BATCH_SIZE = 30          # files per taipan invocation / work unit
BATCH_TIMEOUT = 120.0
SINGLE_TIMEOUT = 30.0
EXCLUDE_DIRS = {'site-packages', '__pycache__'}

WILD = '<?>'             # a source range that is not compared

# --------------------------------------------------------------------------
# Taipan's vocabulary

CTX = {ast.Load: 'load', ast.Store: 'store', ast.Del: 'del'}
BINOP = {ast.Add: '+', ast.Sub: '-', ast.Mult: '*', ast.MatMult: '@',
         ast.Div: '/', ast.Mod: '%', ast.Pow: '**', ast.LShift: '<<',
         ast.RShift: '>>', ast.BitOr: '|', ast.BitXor: '^', ast.BitAnd: '&',
         ast.FloorDiv: '//'}
UNOP = {ast.Invert: '~', ast.Not: 'not', ast.UAdd: '+', ast.USub: '-'}
CMPOP = {ast.Eq: '==', ast.NotEq: '!=', ast.Lt: '<', ast.LtE: '<=',
         ast.Gt: '>', ast.GtE: '>=', ast.Is: 'is', ast.IsNot: 'is not',
         ast.In: 'in', ast.NotIn: 'not in'}
BOOLOP = {ast.And: 'and', ast.Or: 'or'}

# Quote() of dump_ast.cpp, for str values (bytes are handled separately).
_STR_ESCAPES = {ord('\\'): '\\\\', ord('"'): '\\"', ord('\n'): '\\n',
                ord('\t'): '\\t'}
for _c in list(range(0x20)) + [0x7F]:
    _STR_ESCAPES.setdefault(_c, '\\x%02x' % _c)
_SURROGATE_RE = re.compile('[\ud800-\udfff]')
_BYTES_TEXT = []
for _b in range(256):
    if _b == 0x5C:
        _BYTES_TEXT.append('\\\\')
    elif _b == 0x22:
        _BYTES_TEXT.append('\\"')
    elif _b == 0x0A:
        _BYTES_TEXT.append('\\n')
    elif _b == 0x09:
        _BYTES_TEXT.append('\\t')
    elif _b < 0x20 or _b >= 0x7F:
        _BYTES_TEXT.append('\\x%02x' % _b)
    else:
        _BYTES_TEXT.append(chr(_b))


def quote_str(s):
    s = s.translate(_STR_ESCAPES)
    if _SURROGATE_RE.search(s):
        s = _SURROGATE_RE.sub(lambda m: '\\u%04x' % ord(m.group()), s)
    return '"' + s + '"'


def quote_bytes(b):
    if b.isascii() and b.isalnum():
        return 'b"' + b.decode() + '"'
    return 'b"' + ''.join([_BYTES_TEXT[c] for c in b]) + '"'


# --------------------------------------------------------------------------
# CPython's tree -> the lines Taipan should print

class CPythonToTaipan:
    """Render a CPython ast.Module in Taipan's --emit=ast format.

    self.lines[i] is the expected line, self.nodes[i] the CPython node (or
    None for lines that are only a list's slot name) it came from.
    """

    def __init__(self, text):
        # text: the source as CPython decoded it (PEP 263, universal
        # newlines); CPython's col_offsets are UTF-8 byte offsets into its
        # lines, Taipan's columns are 1-based code points.
        self.src = text.split('\n')
        self.nonascii = {i + 1 for i, s in enumerate(self.src) if not s.isascii()}
        self.lines = []
        self.nodes = []
        self.fstring_depth = 0

    # -- positions
    def col(self, line, byte_col):
        if line not in self.nonascii:
            return byte_col + 1
        s = self.src[line - 1]
        return len(s.encode('utf-8', 'surrogatepass')[:byte_col].decode('utf-8', 'replace')) + 1

    def pos(self, n):
        line, end_line = n.lineno, n.end_lineno
        na = self.nonascii
        c = n.col_offset + 1 if line not in na else self.col(line, n.col_offset)
        ec = n.end_col_offset + 1 if end_line not in na else self.col(end_line, n.end_col_offset)
        return '<%d:%d-%d:%d>' % (line, c, end_line, ec)

    def pos_start(self, n):
        return '<%d:%d-?>' % (n.lineno, self.col(n.lineno, n.col_offset))

    # -- output helpers
    def put(self, ind, label, header, pos, node):
        self.lines.append('%s%s%s %s' % (ind, label, header, pos))
        self.nodes.append(node)

    def one(self, child, ind, label):
        if child is not None:
            self.emit(child, ind, label + ': ')

    def many(self, children, ind, label):
        if children:
            self.lines.append(ind + label + ':')
            self.nodes.append(None)
            ind2 = ind + '  '
            for c in children:
                if c is None:          # a `**d` entry's key in a Dict
                    self.lines.append(ind2 + '<none>')
                    self.nodes.append(None)
                else:
                    self.emit(c, ind2, '')

    def emit(self, node, ind, label):
        getattr(self, 'do_' + type(node).__name__)(node, ind, label)

    def run(self, module):
        # The Module has no source range in CPython.
        self.put('', '', 'Module', WILD, module)
        self.many(module.body, '  ', 'body')
        return self

    # -- statements
    def _def(self, n, ind, label, is_async):
        i2 = ind + '  '
        # CPython's def/class range starts at the `def`/`class` keyword, not
        # at the first decorator; that is compared as is.
        self.put(ind, label, "FunctionDef '%s'%s" % (n.name, ' async' if is_async else ''),
                 self.pos(n), n)
        self.arguments(n.args, i2)
        self.one(n.returns, i2, 'returns')
        self.many(n.body, i2, 'body')
        self.many(n.decorator_list, i2, 'decorators')

    def do_FunctionDef(self, n, ind, label):
        self._def(n, ind, label, False)

    def do_AsyncFunctionDef(self, n, ind, label):
        self._def(n, ind, label, True)

    def do_ClassDef(self, n, ind, label):
        i2 = ind + '  '
        self.put(ind, label, "ClassDef '%s'" % n.name, self.pos(n), n)
        if n.bases or n.keywords:
            # Taipan's ClassBases node has no CPython counterpart, so no
            # range to compare (an empty `()` one is dropped in
            # normalize_taipan).
            self.put(i2, 'bases: ', 'ClassBases', WILD, None)
            self.many(n.bases, i2 + '  ', 'bases')
            self.many(n.keywords, i2 + '  ', 'keywords')
        self.many(n.body, i2, 'body')
        self.many(n.decorator_list, i2, 'decorators')

    def do_Return(self, n, ind, label):
        self.put(ind, label, 'Return', self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')

    def do_Delete(self, n, ind, label):
        self.put(ind, label, 'Delete', self.pos(n), n)
        self.many(n.targets, ind + '  ', 'targets')

    def do_Assign(self, n, ind, label):
        self.put(ind, label, 'Assign', self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')
        self.many(n.targets, ind + '  ', 'targets')

    def do_AugAssign(self, n, ind, label):
        self.put(ind, label, 'AugAssign ' + BINOP[type(n.op)], self.pos(n), n)
        self.one(n.target, ind + '  ', 'target')
        self.one(n.value, ind + '  ', 'value')

    def do_AnnAssign(self, n, ind, label):
        self.put(ind, label, 'AnnAssign' + (' simple' if n.simple else ''), self.pos(n), n)
        self.one(n.target, ind + '  ', 'target')
        self.one(n.annotation, ind + '  ', 'annotation')
        self.one(n.value, ind + '  ', 'value')

    def _for(self, n, ind, label, is_async):
        i2 = ind + '  '
        self.put(ind, label, 'For' + (' async' if is_async else ''), self.pos(n), n)
        self.one(n.target, i2, 'target')
        self.one(n.iter, i2, 'iter')
        self.many(n.body, i2, 'body')
        self.many(n.orelse, i2, 'orelse')

    def do_For(self, n, ind, label):
        self._for(n, ind, label, False)

    def do_AsyncFor(self, n, ind, label):
        self._for(n, ind, label, True)

    def do_While(self, n, ind, label):
        i2 = ind + '  '
        self.put(ind, label, 'While', self.pos(n), n)
        self.one(n.test, i2, 'test')
        self.many(n.body, i2, 'body')
        self.many(n.orelse, i2, 'orelse')

    def do_If(self, n, ind, label):
        i2 = ind + '  '
        self.put(ind, label, 'If', self.pos(n), n)
        self.one(n.test, i2, 'test')
        self.many(n.body, i2, 'body')
        self.many(n.orelse, i2, 'orelse')

    def _with(self, n, ind, label, is_async):
        i2 = ind + '  '
        self.put(ind, label, 'With' + (' async' if is_async else ''), self.pos(n), n)
        self.many(n.items, i2, 'items')
        self.many(n.body, i2, 'body')

    def do_With(self, n, ind, label):
        self._with(n, ind, label, False)

    def do_AsyncWith(self, n, ind, label):
        self._with(n, ind, label, True)

    def do_withitem(self, n, ind, label):
        # CPython's withitem has no source range.
        self.put(ind, label, 'WithItem', WILD, n)
        self.one(n.context_expr, ind + '  ', 'context_expr')
        self.one(n.optional_vars, ind + '  ', 'optional_vars')

    def do_Match(self, n, ind, label):
        self.put(ind, label, 'Match', self.pos(n), n)
        self.one(n.subject, ind + '  ', 'subject')
        self.many(n.cases, ind + '  ', 'cases')

    def do_match_case(self, n, ind, label):
        # CPython's match_case has no source range.
        i2 = ind + '  '
        self.put(ind, label, 'MatchCase', WILD, n)
        self.one(n.pattern, i2, 'pattern')
        self.one(n.guard, i2, 'guard')
        self.many(n.body, i2, 'body')

    def do_Raise(self, n, ind, label):
        self.put(ind, label, 'Raise', self.pos(n), n)
        self.one(n.exc, ind + '  ', 'exc')
        self.one(n.cause, ind + '  ', 'cause')

    def _try(self, n, ind, label, star):
        i2 = ind + '  '
        self.put(ind, label, 'Try' + (' star' if star else ''), self.pos(n), n)
        for slot, body in (('orelse', n.orelse), ('finalbody', n.finalbody)):
            if body:
                # Taipan's else/finally Block nodes have no CPython
                # counterpart, so no range to compare.
                self.put(i2, slot + ': ', 'Block', WILD, None)
                self.many(body, i2 + '  ', 'body')
        self.many(n.body, i2, 'body')
        if n.handlers:
            self.lines.append(i2 + 'handlers:')
            self.nodes.append(None)
            for h in n.handlers:
                self.handler(h, i2 + '  ', star)

    def do_Try(self, n, ind, label):
        self._try(n, ind, label, False)

    def do_TryStar(self, n, ind, label):
        self._try(n, ind, label, True)

    def handler(self, n, ind, star):
        name = " '%s'" % n.name if n.name is not None else ''
        self.put(ind, '', 'ExceptHandler' + name + (' star' if star else ''), self.pos(n), n)
        self.one(n.type, ind + '  ', 'type')
        self.many(n.body, ind + '  ', 'body')

    def do_Assert(self, n, ind, label):
        self.put(ind, label, 'Assert', self.pos(n), n)
        self.one(n.test, ind + '  ', 'test')
        self.one(n.msg, ind + '  ', 'msg')

    def do_Import(self, n, ind, label):
        self.put(ind, label, 'Import', self.pos(n), n)
        self.many(n.names, ind + '  ', 'names')

    def do_ImportFrom(self, n, ind, label):
        mod = " '%s'" % n.module if n.module is not None else ''
        self.put(ind, label, 'ImportFrom%s level=%d' % (mod, n.level or 0), self.pos(n), n)
        self.many(n.names, ind + '  ', 'names')

    def do_alias(self, n, ind, label):
        self.put(ind, label, "Alias '%s'" % n.name, self.pos(n), n)
        if n.asname is not None:
            # CPython's asname is a bare string: no range to compare.
            self.put(ind + '  ', 'asname: ', "Name store '%s'" % n.asname, WILD, None)

    def _names(self, n, ind, label, kind):
        self.put(ind, label, kind, self.pos(n), n)
        self.lines.append(ind + '  names:')
        self.nodes.append(None)
        for name in n.names:
            # CPython's global/nonlocal names are bare strings: no range.
            self.put(ind + '    ', '', "Name load '%s'" % name, WILD, None)

    def do_Global(self, n, ind, label):
        self._names(n, ind, label, 'Global')

    def do_Nonlocal(self, n, ind, label):
        self._names(n, ind, label, 'Nonlocal')

    def do_Expr(self, n, ind, label):
        self.put(ind, label, 'Expr', self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')

    def do_Pass(self, n, ind, label):
        self.put(ind, label, 'Pass', self.pos(n), n)

    def do_Break(self, n, ind, label):
        self.put(ind, label, 'Break', self.pos(n), n)

    def do_Continue(self, n, ind, label):
        self.put(ind, label, 'Continue', self.pos(n), n)

    # -- expressions
    def do_BoolOp(self, n, ind, label):
        self.put(ind, label, 'BoolOp ' + BOOLOP[type(n.op)], self.pos(n), n)
        self.many(n.values, ind + '  ', 'values')

    def do_NamedExpr(self, n, ind, label):
        self.put(ind, label, 'NamedExpr', self.pos(n), n)
        self.one(n.target, ind + '  ', 'target')
        self.one(n.value, ind + '  ', 'value')

    def do_BinOp(self, n, ind, label):
        self.put(ind, label, 'BinOp ' + BINOP[type(n.op)], self.pos(n), n)
        self.one(n.left, ind + '  ', 'left')
        self.one(n.right, ind + '  ', 'right')

    def do_UnaryOp(self, n, ind, label):
        self.put(ind, label, 'UnaryOp ' + UNOP[type(n.op)], self.pos(n), n)
        self.one(n.operand, ind + '  ', 'operand')

    def do_Lambda(self, n, ind, label):
        self.put(ind, label, 'Lambda', self.pos(n), n)
        self.arguments(n.args, ind + '  ')
        self.one(n.body, ind + '  ', 'body')

    def do_IfExp(self, n, ind, label):
        i2 = ind + '  '
        self.put(ind, label, 'IfExp', self.pos(n), n)
        self.one(n.test, i2, 'test')
        self.one(n.body, i2, 'body')
        self.one(n.orelse, i2, 'orelse')

    def do_Dict(self, n, ind, label):
        self.put(ind, label, 'Dict', self.pos(n), n)
        self.many(n.keys, ind + '  ', 'keys')
        self.many(n.values, ind + '  ', 'values')

    def do_Set(self, n, ind, label):
        self.put(ind, label, 'Set', self.pos(n), n)
        self.many(n.elts, ind + '  ', 'elts')

    def _comp(self, n, ind, label, kind):
        i2 = ind + '  '
        self.put(ind, label, kind, self.pos(n), n)
        if kind == 'DictComp':
            self.one(n.key, i2, 'key')
            self.one(n.value, i2, 'value')
        else:
            self.one(n.elt, i2, 'elt')
        self.many(n.generators, i2, 'generators')

    def do_ListComp(self, n, ind, label):
        self._comp(n, ind, label, 'ListComp')

    def do_SetComp(self, n, ind, label):
        self._comp(n, ind, label, 'SetComp')

    def do_DictComp(self, n, ind, label):
        self._comp(n, ind, label, 'DictComp')

    def do_GeneratorExp(self, n, ind, label):
        self._comp(n, ind, label, 'GeneratorExp')

    def do_comprehension(self, n, ind, label):
        # CPython's comprehension has no source range.
        i2 = ind + '  '
        self.put(ind, label, 'Comprehension' + (' async' if n.is_async else ''), WILD, n)
        self.one(n.target, i2, 'target')
        self.one(n.iter, i2, 'iter')
        self.many(n.ifs, i2, 'ifs')

    def do_Await(self, n, ind, label):
        self.put(ind, label, 'Await', self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')

    def do_Yield(self, n, ind, label):
        self.put(ind, label, 'Yield', self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')

    def do_YieldFrom(self, n, ind, label):
        self.put(ind, label, 'YieldFrom', self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')

    def do_Compare(self, n, ind, label):
        ops = ', '.join(CMPOP[type(o)] for o in n.ops)
        self.put(ind, label, 'Compare ops=[%s]' % ops, self.pos(n), n)
        self.one(n.left, ind + '  ', 'left')
        self.many(n.comparators, ind + '  ', 'comparators')

    def do_Call(self, n, ind, label):
        i2 = ind + '  '
        self.put(ind, label, 'Call', self.pos(n), n)
        self.one(n.func, i2, 'func')
        self.many(n.args, i2, 'args')
        self.many(n.keywords, i2, 'keywords')

    def char_at(self, n):
        b = self.src[n.lineno - 1].encode('utf-8', 'surrogatepass')
        return b[n.col_offset:n.col_offset + 1].decode('ascii', 'replace')

    def do_FormattedValue(self, n, ind, label):
        conv = ' !' + chr(n.conversion) if n.conversion not in (-1, None) else ''
        # CPython 3.11 gives every part of an f-string (its Constant and
        # FormattedValue values, format specs and their parts) the range of
        # the whole string literal; Taipan gives each part its own text.
        # Not compared: see WILD in do_JoinedStr / here.
        self.put(ind, label, 'FormattedValue' + conv, WILD, n)
        i2 = ind + '  '
        saved = self.fstring_depth
        self.fstring_depth = 0           # the expression has real ranges
        first = len(self.lines)
        self.one(n.value, i2, 'value')
        self.fstring_depth = saved
        if isinstance(n.value, (ast.Tuple, ast.GeneratorExp)) and self.char_at(n.value) == '{':
            # f'{a, b}', f'{x for x in y}': CPython 3.11 parses a field's
            # expression with its delimiters replaced by parentheses, so an
            # unparenthesized tuple or generator expression gets the range
            # from the `{` to the `}`/`!`/`:`; Taipan gives it the range of
            # its own text.  Not compared for this node.
            line = self.lines[first]
            self.lines[first] = line[:line.rfind(' <')] + ' ' + WILD
        if n.format_spec is not None:
            self.fstring_depth += 1
            self.one(n.format_spec, i2, 'format_spec')
            self.fstring_depth -= 1

    def do_JoinedStr(self, n, ind, label):
        self.put(ind, label, 'JoinedStr', WILD if self.fstring_depth else self.pos(n), n)
        self.fstring_depth += 1
        self.many(n.values, ind + '  ', 'values')
        self.fstring_depth -= 1

    def do_Constant(self, n, ind, label):
        v = n.value
        if v is None:
            h = 'Constant None'
        elif v is True:
            h = 'Constant True'
        elif v is False:
            h = 'Constant False'
        elif v is Ellipsis:
            h = 'Constant Ellipsis'
        elif isinstance(v, int):
            h = 'Constant int ' + repr(v)
        elif isinstance(v, float):
            h = 'Constant float ' + repr(v)
        elif isinstance(v, complex):
            h = 'Constant imaginary ' + repr(v.imag)
        elif isinstance(v, str):
            h = 'Constant str ' + quote_str(v) + (' u' if n.kind == 'u' else '')
        elif isinstance(v, bytes):
            h = 'Constant bytes ' + quote_bytes(v)
        else:
            raise TypeError('unexpected constant %r' % (v,))
        # Inside an f-string: see do_FormattedValue.
        self.put(ind, label, h, WILD if self.fstring_depth else self.pos(n), n)

    def do_Attribute(self, n, ind, label):
        self.put(ind, label, "Attribute %s '%s'" % (CTX[type(n.ctx)], n.attr), self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')

    def do_Subscript(self, n, ind, label):
        self.put(ind, label, 'Subscript ' + CTX[type(n.ctx)], self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')
        self.one(n.slice, ind + '  ', 'slice')

    def do_Starred(self, n, ind, label):
        self.put(ind, label, 'Starred ' + CTX[type(n.ctx)], self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')

    def do_Name(self, n, ind, label):
        self.put(ind, label, "Name %s '%s'" % (CTX[type(n.ctx)], n.id), self.pos(n), n)

    def do_List(self, n, ind, label):
        self.put(ind, label, 'List ' + CTX[type(n.ctx)], self.pos(n), n)
        self.many(n.elts, ind + '  ', 'elts')

    def do_Tuple(self, n, ind, label):
        self.put(ind, label, 'Tuple ' + CTX[type(n.ctx)], self.pos(n), n)
        self.many(n.elts, ind + '  ', 'elts')

    def do_Slice(self, n, ind, label):
        i2 = ind + '  '
        self.put(ind, label, 'Slice', self.pos(n), n)
        self.one(n.lower, i2, 'lower')
        self.one(n.upper, i2, 'upper')
        self.one(n.step, i2, 'step')

    # -- parts
    def arguments(self, a, ind):
        # CPython's `arguments` (no source range) -> Taipan's Arguments with
        # one Arg per parameter, in source order, each owning its default.
        self.put(ind, 'args: ', 'Arguments', WILD, a)
        params = []
        positional = a.posonlyargs + a.args
        defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
        for i, arg in enumerate(positional):
            kind = 'positional-only' if i < len(a.posonlyargs) else 'normal'
            params.append((kind, arg, defaults[i]))
        if a.vararg is not None:
            params.append(('*args', a.vararg, None))
        for arg, d in zip(a.kwonlyargs, a.kw_defaults):
            params.append(('keyword-only', arg, d))
        if a.kwarg is not None:
            params.append(('**kwargs', a.kwarg, None))
        if not params:
            return
        self.lines.append(ind + '  params:')
        self.nodes.append(None)
        i3 = ind + '    '
        for kind, arg, default in params:
            # Taipan's Arg owns its default, so its range runs on to the end
            # of the default (including any parentheses around it); CPython's
            # arg ends with its name or annotation.  With a default only the
            # start is compared (the default's own range is compared).
            pos = self.pos(arg) if default is None else self.pos_start(arg)
            self.put(i3, '', "Arg %s '%s'" % (kind, arg.arg), pos, arg)
            self.one(arg.annotation, i3 + '  ', 'annotation')
            self.one(default, i3 + '  ', 'default')

    def do_keyword(self, n, ind, label):
        name = " '%s'" % n.arg if n.arg is not None else ''
        self.put(ind, label, 'Keyword' + name, self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')

    # -- patterns
    def do_MatchValue(self, n, ind, label):
        self.put(ind, label, 'MatchValue', self.pos(n), n)
        self.one(n.value, ind + '  ', 'value')

    def do_MatchSingleton(self, n, ind, label):
        self.put(ind, label, 'MatchSingleton ' + repr(n.value), self.pos(n), n)

    def do_MatchSequence(self, n, ind, label):
        self.put(ind, label, 'MatchSequence', self.pos(n), n)
        self.many(n.patterns, ind + '  ', 'patterns')

    def do_MatchMapping(self, n, ind, label):
        rest = " '%s'" % n.rest if n.rest is not None else ''
        self.put(ind, label, 'MatchMapping' + rest, self.pos(n), n)
        self.many(n.keys, ind + '  ', 'keys')
        self.many(n.patterns, ind + '  ', 'patterns')

    def do_MatchClass(self, n, ind, label):
        i2 = ind + '  '
        self.put(ind, label, 'MatchClass', self.pos(n), n)
        self.one(n.cls, i2, 'cls')
        self.many(n.patterns, i2, 'patterns')
        if n.kwd_patterns:
            self.lines.append(i2 + 'kwd_patterns:')
            self.nodes.append(None)
            for attr, pat in zip(n.kwd_attrs, n.kwd_patterns):
                # Taipan's MatchKeyword pairs CPython's kwd_attrs[i] with
                # kwd_patterns[i]; CPython has no node, so no range.
                self.put(i2 + '  ', '', "MatchKeyword '%s'" % attr, WILD, None)
                self.one(pat, i2 + '    ', 'pattern')

    def do_MatchStar(self, n, ind, label):
        name = " '%s'" % n.name if n.name is not None else ''
        self.put(ind, label, 'MatchStar' + name, self.pos(n), n)

    def do_MatchAs(self, n, ind, label):
        name = " '%s'" % n.name if n.name is not None else ''
        self.put(ind, label, 'MatchAs' + name, self.pos(n), n)
        self.one(n.pattern, ind + '  ', 'pattern')

    def do_MatchOr(self, n, ind, label):
        self.put(ind, label, 'MatchOr', self.pos(n), n)
        self.many(n.patterns, ind + '  ', 'patterns')


# --------------------------------------------------------------------------
# Taipan's output -> comparable lines

_NUM_RE = re.compile(r'^( *(?:\w+: )?Constant )(int|float|imaginary) (\S+)', re.M)
# Flags print in the order async star simple parenthesized u.
_PAREN_RE = re.compile(r' parenthesized(?=(?: u)? <\d+:\d+-\d+:\d+>$)', re.M)
_DEBUG_RE = re.compile(r'^( *)FormattedValue(.*) debug="((?:[^"\\]|\\.)*)"( <.*>)$')
_CONST_STR_RE = re.compile(r'^( *)Constant str "((?:[^"\\]|\\.)*)"( <.*>)$')


def _number(m):
    kind, text = m.group(2), m.group(3).replace('_', '')
    try:
        if kind == 'int':
            value = repr(int(text, 0))
        else:
            value = repr(float(text.rstrip('jJ')))
    except ValueError:
        value = text + '(?)'
    return m.group(1) + kind + ' ' + value


def indent_of(line):
    return len(line) - len(line.lstrip(' '))


def normalize_taipan(text):
    """Rewrite Taipan's lines where the mapping (not a difference) says so."""
    # Numbers: Taipan keeps the literal's text, CPython the value.
    text = _NUM_RE.sub(_number, text)
    # `parenthesized` is Taipan-only bookkeeping; CPython has no such field.
    text = _PAREN_RE.sub('', text)
    lines = text.split('\n')
    if lines and lines[-1] == '':
        lines.pop()
    if 'debug="' not in text and 'ClassBases <' not in text:
        return lines
    out = []
    for i, line in enumerate(lines):
        if 'ClassBases <' in line and line.lstrip(' ').startswith('bases: ClassBases <'):
            # `class C():` has an empty ClassBases; CPython cannot tell it
            # from `class C:`.
            if i + 1 >= len(lines) or indent_of(lines[i + 1]) <= indent_of(line):
                continue
        if 'debug="' in line:
            m = _DEBUG_RE.match(line)
            if m:
                # f'{x=}': CPython 3.11 puts the text 'x=' into the f-string's
                # values before the FormattedValue, merged with a literal
                # part right before it; Taipan records it as debug="x=".
                ind, rest, debug, pos = m.groups()
                merged = False
                for j in range(len(out) - 1, -1, -1):
                    k = indent_of(out[j])
                    if k > len(ind):
                        continue
                    if k == len(ind):
                        c = _CONST_STR_RE.match(out[j])
                        if c:
                            out[j] = '%sConstant str "%s%s"%s' % (ind, c.group(2), debug, c.group(3))
                            merged = True
                    break
                if not merged:
                    out.append('%sConstant str "%s"%s' % (ind, debug, pos))
                out.append('%sFormattedValue%s%s' % (ind, rest, pos))
                continue
        out.append(line)
    return out


# --------------------------------------------------------------------------
# Comparing

def line_matches(actual, expected):
    if actual == expected:
        return True
    if not expected.endswith('?>'):
        return False
    k = expected.rfind(' <')
    if actual[:k + 2] != expected[:k + 2] or not actual.endswith('>'):
        return False
    a = actual[k + 2:-1]
    e = expected[k + 2:-1]
    if not re.fullmatch(r'\d+:\d+-\d+:\d+', a):
        return False
    if e == '?':
        return True
    e_start, e_end = e.split('-')
    a_start, a_end = a.split('-')
    return (e_start == '?' or e_start == a_start) and (e_end == '?' or e_end == a_end)


def node_paths(lines, indices):
    """The paths (Taipan slot names) of the nodes on lines[i], i in indices."""
    wanted = set(indices)
    paths = {}
    stack = []  # [indent, component, list-element count]
    for i, line in enumerate(lines[:max(indices) + 1]):
        k = indent_of(line)
        body = line[k:]
        while stack and stack[-1][0] >= k:
            stack.pop()
        if k > 0:
            if body.endswith(':') and re.fullmatch(r'\w+:', body):
                stack.append([k, body[:-1], 0])
            else:
                m = re.match(r'(\w+): ', body)
                if m:
                    stack.append([k, m.group(1), 0])
                elif stack:
                    parent = stack[-1]
                    stack.append([k, '[%d]' % parent[2], 0])
                    parent[2] += 1
        if i in wanted:
            out = ''
            for entry in stack:
                c = entry[1]
                out += c if c.startswith('[') or not out else '.' + c
            paths[i] = out or '<module>'
    return paths


def describe_cpython(node):
    if node is None:
        return ''
    fields = []
    for f in ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'):
        if hasattr(node, f):
            fields.append('%s=%s' % (f, getattr(node, f)))
    return '  [ast: %s %s]' % (type(node).__name__, ' '.join(fields))


def classify(actual, expected):
    """A short class name for a difference, for --group."""
    def split(line):
        body = line.strip()
        body = re.sub(r'^\w+: ', '', body)
        k = body.rfind(' <')
        return (body[:k], body[k:]) if k >= 0 else (body, '')
    if actual is None or expected is None:
        return 'missing/extra lines'
    ah, _ = split(actual)
    eh, _ = split(expected)
    if indent_of(actual) != indent_of(expected):
        return 'tree shape'
    if ah == eh:
        return 'range of ' + ah.split(' ')[0]
    if ah.split(' ')[0] != eh.split(' ')[0]:
        return 'kind %s vs %s' % (ah.split(' ')[0], eh.split(' ')[0])
    return 'fields of ' + ah.split(' ')[0]


def compare(actual, expected, all_diffs=False):
    """Return a list of differences (index, actual line, expected line)."""
    diffs = []
    n = min(len(actual), len(expected))
    for i in range(n):
        a, e = actual[i], expected[i]
        if a == e or line_matches(a, e):
            continue
        diffs.append((i, a, e))
        if not all_diffs:
            return diffs
        # Keep going only while the two trees still have the same shape.
        a_split, e_split = a.strip().split(' ')[0], e.strip().split(' ')[0]
        if indent_of(a) != indent_of(e) or a_split != e_split:
            return diffs
    if len(actual) != len(expected):
        diffs.append((n, actual[n] if n < len(actual) else None,
                      expected[n] if n < len(expected) else None))
    return diffs


# --------------------------------------------------------------------------
# Running

def run_taipan(taipan, paths, timeout):
    """Return (ok, [module text per path] or error message)."""
    try:
        proc = subprocess.run([taipan, 'compile', '--emit=ast', *paths],
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return False, 'taipan timed out'
    except OSError as e:
        return False, 'cannot run taipan: %s' % e
    if proc.returncode != 0:
        err = proc.stderr.decode('utf-8', 'replace').strip().splitlines()
        return False, 'taipan exit status %d: %s' % (proc.returncode, err[0] if err else '')
    text = proc.stdout.decode('utf-8', 'surrogateescape')
    modules = re.split(r'^(?=Module )', text, flags=re.M)
    if modules and modules[0] == '':
        modules.pop(0)
    if len(modules) != len(paths):
        return False, 'taipan printed %d trees for %d files' % (len(modules), len(paths))
    return True, modules


def cpython_tree(path):
    """(tree, decoded text) or None if CPython rejects the file."""
    try:
        with open(path, 'rb') as f:
            data = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            tree = ast.parse(data, path)
        text = importlib.util.decode_source(data)
    except (SyntaxError, ValueError, UnicodeError, RecursionError, MemoryError, OSError):
        return None
    return tree, text


def cpython_compiles(path):
    try:
        with open(path, 'rb') as f:
            data = f.read()
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            compile(data, path, 'exec', dont_inherit=True)
    except (SyntaxError, ValueError):
        return False
    except Exception:
        return True
    return True


def check_file(path, taipan_text, tree, text, all_diffs):
    """Return None if identical, else a list of report lines."""
    gen = CPythonToTaipan(text).run(tree)
    actual = normalize_taipan(taipan_text)
    diffs = compare(actual, gen.lines, all_diffs)
    if not diffs:
        return None
    report = []
    basis = gen.lines if diffs[-1][0] < len(gen.lines) else actual
    paths = node_paths(basis, [d[0] for d in diffs])
    for i, a, e in diffs:
        where = paths.get(i, '?')
        node = gen.nodes[i] if i < len(gen.nodes) else None
        report.append({
            'path': where,
            'taipan': a.strip() if a is not None else '(no more lines)',
            'cpython': (e.strip() if e is not None else '(no more lines)') + describe_cpython(node),
            'class': classify(a, e),
        })
    return report


def work(batch, taipan, all_diffs):
    """Compare one batch of files; return [(path, status, report)]."""
    if hasattr(sys, 'set_int_max_str_digits'):
        sys.set_int_max_str_digits(0)
    # Taipan accepts trees up to 3000 levels deep; rendering one takes a
    # few Python frames per level.
    sys.setrecursionlimit(30000)
    parsed = {}
    for path in batch:
        parsed[path] = cpython_tree(path)
    accepted = [p for p in batch if parsed[p] is not None]
    results = [(p, 'skip', None) for p in batch if parsed[p] is None]
    if not accepted:
        return results
    ok, modules = run_taipan(taipan, accepted, BATCH_TIMEOUT)
    outputs = {}
    if ok:
        outputs = dict(zip(accepted, modules))
    else:
        for p in accepted:
            ok1, m = run_taipan(taipan, [p], SINGLE_TIMEOUT)
            outputs[p] = m[0] if ok1 else m
            if not ok1:
                outputs[p] = ('error', m)
    for p in accepted:
        out = outputs[p]
        if isinstance(out, tuple) and not cpython_compiles(p):
            # ast.parse accepts a few programs that CPython's compiler then
            # rejects (`f(a=1, a=2)`, ...); Taipan may reject those already
            # while parsing.  Accept/reject agreement is
            # compare_with_cpython.py's business: skip the file.
            results.append((p, 'skip', None))
            continue
        if isinstance(out, tuple):
            results.append((p, 'differ', [{'path': '<module>', 'taipan': out[1],
                                           'cpython': 'accepted', 'class': 'taipan failed'}]))
            continue
        tree, text = parsed[p]
        try:
            report = check_file(p, out, tree, text, all_diffs)
        except RecursionError:
            results.append((p, 'differ', [{'path': '<module>', 'taipan': '(not compared)',
                                           'cpython': 'tree too deep for this script',
                                           'class': 'too deep'}]))
            continue
        results.append((p, 'same' if report is None else 'differ', report))
    return results


def clip(a, e, width=100):
    """Shorten two long lines around where they first differ."""
    if len(a) <= 2 * width and len(e) <= 2 * width:
        return a, e
    p = 0
    while p < min(len(a), len(e)) and a[p] == e[p]:
        p += 1
    def cut(s):
        lo = max(0, p - width // 2)
        hi = lo + width
        return ('...' if lo else '') + s[lo:hi] + ('...' if hi < len(s) else '')
    return cut(a), cut(e)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--taipan', required=True)
    ap.add_argument('--max-files', type=int)
    ap.add_argument('--seed', type=int, default=0)
    ap.add_argument('--jobs', type=int, default=min(2, os.cpu_count() or 1))
    ap.add_argument('--all-diffs', action='store_true',
                    help='list every difference while the trees keep the same shape')
    ap.add_argument('--group', action='store_true',
                    help='also print how many files show each class of difference')
    ap.add_argument('dirs', nargs='+')
    args = ap.parse_args()

    files = collect_files(args.dirs, EXCLUDE_DIRS)
    if args.max_files is not None and args.max_files < len(files):
        files = sorted(random.Random(args.seed).sample(files, args.max_files))
    batches = [files[i:i + BATCH_SIZE] for i in range(0, len(files), BATCH_SIZE)]
    results = []
    if args.jobs <= 1:
        for b in batches:
            results += work(b, args.taipan, args.all_diffs)
    else:
        with concurrent.futures.ProcessPoolExecutor(max_workers=args.jobs) as pool:
            futures = [pool.submit(work, b, args.taipan, args.all_diffs) for b in batches]
            for f in futures:
                results += f.result()

    results.sort(key=lambda r: r[0])
    compared = same = differ = skipped = 0
    groups = {}
    for path, status, report in results:
        if status == 'skip':
            skipped += 1
            continue
        compared += 1
        if status == 'same':
            same += 1
            continue
        differ += 1
        seen = set()
        for k, d in enumerate(report):
            if k == 0:
                print('DIFF %s: %s' % (path, d['path']))
            else:
                print('  also: %s' % d['path'])
            a, e = clip(d['taipan'], d['cpython'])
            print('  taipan:  %s' % a)
            print('  cpython: %s' % e)
            if d['class'] not in seen:
                seen.add(d['class'])
                groups.setdefault(d['class'], []).append(path)
    if args.group:
        for cls, paths in sorted(groups.items(), key=lambda kv: -len(kv[1])):
            print('group: %5d files  %s  (e.g. %s)' % (len(paths), cls, paths[0]))
    print('ast-compare: skipped %d files CPython rejects' % skipped)
    print('ast-compare: %d files, %d identical, %d differ' % (compared, same, differ))
    return 0 if differ == 0 else 1


if __name__ == '__main__':
    sys.exit(main())
