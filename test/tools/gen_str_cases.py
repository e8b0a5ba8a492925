# Prints the table-driven cases of test/runtime/str_test.cpp (pasted into
# it): each call's expected repr comes from running the call in python3.
# Usage: gen_str_cases.py methods|format|percent
import sys

def lit(s):
    out = '"'
    for ch in s:
        o = ord(ch)
        if ch == '"': out += '\\"'
        elif ch == '\\': out += '\\\\'
        elif o < 0x20 or o == 0x7f: out += '\\%03o' % o
        elif o >= 0x80 and not ch.isprintable():
            out += ''.join('\\%03o' % b for b in ch.encode())
        else: out += ch
    return out + '"'

def val(v):
    if v is None: return 'kNone'
    if v is True: return 'kTrue'
    if v is False: return 'kFalse'
    if isinstance(v, int): return f'I({v})'
    if isinstance(v, float): return f'F({v!r})'
    if isinstance(v, str): return f'S({lit(v)})'
    if isinstance(v, tuple): return 'A({' + ', '.join(val(x) for x in v) + '})'
    if isinstance(v, dict): return 'D({' + ', '.join('{' + val(a) + ', ' + val(b) + '}' for a, b in v.items()) + '})'
    if isinstance(v, list): return 'L({' + ', '.join(val(x) for x in v) + '})'
    raise TypeError(v)

def method_cases(cases):
    for self, name, args in cases:
        r = repr(getattr(self, name)(*args))
        argtext = ', '.join(val(a) for a in args)
        print(f'      {{{lit(self)}, "{name}", A({{{argtext}}}), {lit(r)}}},')

M = [
 ('abcabc','find',('bc',)), ('abcabc','find',('bc',2)), ('abcabc','find',('bc',-3)), ('abcabc','find',('x',)),
 ('abc','find',('',)), ('abc','find',('',3)), ('abc','find',('',4)), ('abc','find',('',2,1)), ('','find',('',)),
 ('héllo wörld','find',('wö',)), ('héllo wörld','find',('l',4)), ('héllo','find',('l',-2,None)),
 ('abcabc','rfind',('bc',)), ('abcabc','rfind',('bc',0,4)), ('abcabc','rfind',('',)), ('ééé','rfind',('é',)),
 ('abcabc','index',('c',)), ('abcabc','rindex',('a',)),
 ('abcabc','count',('bc',)), ('aaaa','count',('aa',)), ('abc','count',('',)), ('ébc','count',('',1)), ('abc','count',('',2,1)),
 ('aaaa','count',('a',1,-1)), ('','count',('',)),
 ('hello','startswith',('he',)), ('hello','startswith',('',5)), ('hello','startswith',('',6)), ('hello','startswith',('l',2)),
 ('hello','startswith',(('x','h'),)), ('hello','endswith',('lo',)), ('hello','endswith',('l',0,4)), ('hello','endswith',(('a','b'),)),
 ('héllo','endswith',('llo',-3)), ('hello','startswith',('hello!',)),
 ('  a b  ','strip',()), ('xxaxx','strip',('x',)), ('  a  ','lstrip',()), ('  a  ','rstrip',()), ('ééaéé','strip',('é',)),
 ('abcba','strip',('ab',)), ('\t\n a\x0b\x0c\r','strip',()), ('','strip',()), ('aaa','strip',('a',)), ('  a ','strip',(None,)),
 ('a,b,,c','split',(',',)), ('a,b,,c','split',(',',1)), ('  a  b c  ','split',()), ('  a  b c  ','split',(None,1)), ('','split',()),
 ('','split',(',',)), ('   ','split',()), ('a b','split',(None,0)), ('  a b  ','split',(None,0)), ('aXbXc','split',('X',-1)),
 ('a::b::c','split',('::',)), ('é,ü','split',(',',)),
 ('a,b,c','rsplit',(',',1)), ('  a  b c  ','rsplit',(None,1)), ('a b c','rsplit',()), ('a,b,c','rsplit',(',',)), ('  a b  ','rsplit',(None,0)),
 ('a\nb\r\nc\rd','splitlines',()), ('a\nb\r\nc\rd\n','splitlines',(True,)), ('','splitlines',()), ('\n','splitlines',()),
 ('a\x0bb\x0cc\x1cd','splitlines',()), ('x\u2028y','splitlines',()),
 ('abc','center',(7,)), ('ab','center',(5,)), ('abc','center',(6,)), ('abc','center',(6,'*')), ('abc','center',(2,)), ('é','center',(4,'ü')),
 ('abc','ljust',(5,)), ('abc','ljust',(5,'-')), ('abc','rjust',(5,)), ('ab','rjust',(-1,)), ('éa','rjust',(4,'.')),
 ('42','zfill',(5,)), ('-42','zfill',(5,)), ('+42','zfill',(2,)), ('','zfill',(3,)),
 ('Hello World','lower',()), ('Hello World','upper',()), ('héllo','upper',()), ('hello world','capitalize',()), ('HELLO','capitalize',()),
 ('hello wORLD','title',()), ("they're bill's",'title',()), ('a1b','title',()), ('Hello','swapcase',()),
 ('abc','isalpha',()), ('ab1','isalpha',()), ('','isalpha',()), ('123','isdigit',()), ('12a','isdigit',()), ('','isdigit',()),
 ('ab1','isalnum',()), ('ab 1','isalnum',()),
 (' \t\n','isspace',()), ('','isspace',()), (' a','isspace',()), ('abc1','islower',()), ('Abc','islower',()), ('123','islower',()),
 ('ABC1','isupper',()), ('AbC','isupper',()), ('','isupper',()),
 ('a b c','replace',(' ','--')), ('aaaa','replace',('a','b',2)), ('abc','replace',('','-')), ('abc','replace',('','-',2)),
 ('abc','replace',('x','y')), ('éaé','replace',('é','e')), ('aaa','replace',('a','')), ('','replace',('','x')), ('abc','replace',('b','x',0)),
 ('abc','replace',('b','x',-1)),
 ('a=b=c','partition',('=',)), ('abc','partition',('=',)), ('a=b=c','rpartition',('=',)), ('abc','rpartition',('=',)),
 ('TestCase','removeprefix',('Test',)), ('TestCase','removeprefix',('x',)), ('TestCase','removesuffix',('Case',)), ('abc','removesuffix',('',)),
 (',','join',(['a','b','c'],)), (',','join',([],)), ('','join',(['x'],)), ('-','join',(('é','ü'),)), ('ab','join',('xyz',)),
]

if sys.argv[1] == 'methods':
    method_cases(M)

S = [
 ('{}', (1,), {}), ('{} {}', ('a', 'b'), {}), ('{1}{0}', ('a', 'b'), {}), ('{x}-{y}', (), {'x': 1, 'y': 'z'}),
 ('{{}} {{{}}}', (5,), {}), ('{!r}', ('a',), {}), ('{!s}', ('a',), {}), ('{0!r:>6}', ('a',), {}),
 ('{:>5}', ('ab',), {}), ('{:<5}|', ('ab',), {}), ('{:^6}', ('ab',), {}), ('{:*^7}', ('ab',), {}), ('{:.2}', ('abcdef',), {}),
 ('{:5.2}|', ('abcdef',), {}), ('{:>{}}', ('ab', 4), {}), ('{:{}{}}', ('ab', '>', 5), {}), ('{0:{1}}', ('ab', 5), {}),
 ('{:s}', ('ab',), {}), ('{:>4}', ('é',), {}), ('{:05}', ('ab',), {}), ('{0[1]}', (('a', 'b'),), {}), ('{0[k]}', ({'k': 7},), {}),
 ('{d[k]}', (), {'d': {'k': 'v'}}), ('{}', (None,), {}), ('{}', (True,), {}), ('{:>5}', ('x',), {}),
 ('a{}b', ('',), {}), ('é{}ü', ('ö',), {}), ('{0}{0}', ('x',), {}),
 ('{}', (42,), {}), ('{:5}', (42,), {}), ('{:<5}|', (42,), {}), ('{:05}', (-42,), {}), ('{:x}', (255,), {}), ('{:#x}', (255,), {}),
 ('{:+d}', (5,), {}), ('{:,}', (1234567,), {}), ('{:b}', (5,), {}),
 ('{}', (1.5,), {}), ('{:.2f}', (3.14159,), {}), ('{:8.3f}|', (2.5,), {}), ('{:e}', (12345.678,), {}), ('{:g}', (0.0001,), {}),
 ('{:.1%}', (0.25,), {}), ('{:.2f}', (2,), {}),
]

P = [
 ('%s', 'abc'), ('%s', ('abc',)), ('%s %s', ('a', 'b')), ('%r', ('a',)), ('%5s|', ('ab',)), ('%-5s|', ('ab',)), ('%.2s', ('abcdef',)),
 ('%5.1s|', ('abc',)), ('%s', (None,)), ('%s', ((1, 2),)), ('%%', ()), ('100%%', ()), ('%s%%', (5,)), ('%4s|', ('é',)),
 ('%d', (42,)), ('%i', (-42,)), ('%u', (7,)), ('%5d|', (42,)), ('%-5d|', (42,)), ('%05d', (42,)), ('%05d', (-42,)), ('%+d', (42,)),
 ('% d', (42,)), ('%.3d', (7,)), ('%6.3d|', (-7,)), ('%d', (3.99,)), ('%d', (-3.99,)), ('%d', (True,)),
 ('%x', (255,)), ('%X', (255,)), ('%#x', (255,)), ('%#X', (255,)), ('%o', (8,)), ('%#o', (8,)), ('%08x', (255,)), ('%#08x', (255,)),
 ('%-#8x|', (255,)), ('%x', (-255,)), ('%#x', (-255,)), ('%+x', (255,)),
 ('%c', (65,)), ('%c', ('z',)), ('%c', (233,)), ('%3c|', ('a',)),
 ('%*d', (5, 42)), ('%-*d|', (5, 42)), ('%*d|', (-5, 42)), ('%.*s', (2, 'abcdef')), ('%*.*s|', (6, 2, 'abcdef')),
 ('%(a)s-%(b)d', {'a': 'x', 'b': 3}), ('%(a)s %(a)r', {'a': 'x'}), ('abc', {'a': 1}), ('%s', {'a': 1}),
 ('%f', (1.5,)), ('%.2f', (3.14159,)), ('%e', (12345.678,)), ('%E', (0.000123,)), ('%g', (0.0001,)), ('%G', (1e20,)),
 ('%10.3f|', (2.5,)), ('%-10.3f|', (2.5,)), ('%010.3f', (-2.5,)), ('%+.1f', (2.0,)), ('% .1f', (2.0,)), ('%f', (3,)), ('%.0f', (2.5,)),
 ('%#.0f', (2.0,)), ('%g', (100000.0,)), ('%g', (1e6,)), ('%.3g', (3.14159,)), ('%#g', (1.0,)),
 ('%ld', (5,)), ('%s and %s', ('é', 'ü')),
]

if sys.argv[1] == 'format':
    for fmt, args, kwargs in S:
        r = fmt.format(*args, **kwargs)
        print(f'      {{{lit(fmt)}, {val(tuple(args))}, {val(kwargs)}, {lit(r)}}},')
if sys.argv[1] == 'percent':
    for fmt, args in P:
        r = fmt % args
        print(f'      {{{lit(fmt)}, {val(args)}, {lit(r)}}},')
