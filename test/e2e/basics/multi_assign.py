# RUN: %python %tools/run_e2e.py %taipan %s
# Chained and tuple assignment, swaps.
a = b = c = 3
print(a, b, c)
a, b = 1, 2
a, b = b, a
print(a, b)
a, b, c = c, a, b
print(a, b, c)
x = [0, 0, 0]
i = 0
i, x[i] = 1, 9
print(i, x)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, n] = 'xy'
print(m, n)
