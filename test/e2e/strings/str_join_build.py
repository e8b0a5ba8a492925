# RUN: %python %tools/run_e2e.py %taipan %s
# Building strings: join of generators, repeated concatenation, mixed content.
print(', '.join(str(i) for i in range(5)))
print(''.join(reversed('stressed')))
s = ''
for i in range(5):
    s += str(i) * i
print(s, len(s))
print('\n'.join(['line a', 'line b']))
table = [('a', 1), ('bb', 22), ('ccc', 333)]
for name, n in table:
    print('{:<4}|{:>4}'.format(name, n))
try:
    ','.join([1, 2])
except TypeError:
    print('TypeError join of ints')
