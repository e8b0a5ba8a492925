# RUN: %python %tools/run_e2e.py %taipan %s
# Star-unpacking in assignments and for loops.
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = 'xyz'
print(a, b)
a, *b, c = range(6)
print(a, b, c)
a, *b, c = 1, 2
print(a, b, c)
(x, *y), z = (1, 2, 3), 4
print(x, y, z)
for first, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(first, rest)
try:
    a, b = [1, 2, 3]
except ValueError:
    print('too many')
try:
    a, b, c = [1, 2]
except ValueError:
    print('not enough')
try:
    a, *b, c = [1]
except ValueError:
    print('star not enough')
