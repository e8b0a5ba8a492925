# RUN: %python %tools/run_e2e.py %taipan %s
# Nested unpacking of iterables of various types.
data = [(1, ('a', 'b')), (2, ('c', 'd'))]
for n, (p, q) in data:
    print(n, p, q)
[a, [b, [c, d]]] = [1, [2, [3, 4]]]
print(a, b, c, d)
(a, b), (c, d) = 'ab', 'cd'
print(a, b, c, d)
k, v = {'key': 'val'}.popitem()
print(k, v)
x, y = y, x = 1, 2
print(x, y)
it = iter(range(3))
p, q, r = it
print(p, q, r)
g = (i * i for i in range(2))
m, n = g
print(m, n)
