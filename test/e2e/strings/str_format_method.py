# RUN: %python %tools/run_e2e.py %taipan %s
# str.format with positional, indexed, named and attribute fields.
print('{} {}'.format('a', 'b'), '{1} {0} {1}'.format('x', 'y'))
print('{name} is {age}'.format(name='Bob', age=42))

print('{:<6}|{:>6}|{:^6}|'.format('ab', 'cd', 'ef'))
print('{:*^9}|{:->5}|{:_<4}|'.format('mid', 'r', 'l'))
print('{{literal}} {}'.format(1))
print('{!r} {!s}'.format('q', 'q'))
print('{:.2}|{:.5s}|'.format('abcdef', 'truncated'))
print('{:6.2f}|{:x}|{:08.3f}'.format(3.14159, 255, -1.5))
