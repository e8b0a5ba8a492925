# RUN: %python %tools/run_e2e.py %taipan %s
# split, rsplit and splitlines.
print('a b  c'.split(), ' a b '.split(), ''.split())
print('a,b,,c'.split(','), 'a,b,c'.split(',', 1), 'a,b,c'.rsplit(',', 1))
print('a b c d'.split(None, 2), 'a,b,c,d'.rsplit(',', 2))
print('line1\nline2\r\nline3'.splitlines(), 'x\n\ny\n'.splitlines())
print('one::two::three'.split('::'))
try:
    'abc'.split('')
except ValueError:
    print('empty separator')
