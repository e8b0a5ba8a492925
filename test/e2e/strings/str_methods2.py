# RUN: %python %tools/run_e2e.py %taipan %s
# Transforming str methods.
s = '  Mixed Case Text  '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print(repr('xxabcxx'.strip('x')), repr('xyabcyx'.lstrip('xy')), repr('abc..'.rstrip('.')))
print(s.upper(), s.lower())
print('a-b-c'.replace('-', '+'), 'aaaa'.replace('a', 'b', 2), 'abc'.replace('', '-'))
print('abc'.center(9) + '|', 'abc'.center(7) + '|', 'ab'.center(1))
print(','.join(['a', 'b', 'c']), ''.join('xyz'), '-'.join([]))
print('key=value=x'.partition('='), 'key=value=x'.rpartition('='), 'abc'.partition('z'))
