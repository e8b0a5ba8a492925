# RUN: %python %tools/run_e2e.py %taipan %s
# Division by zero and operations at word boundaries.
for op in (lambda: 1 // 0, lambda: 1 % 0, lambda: 10 ** 30 // 0, lambda: divmod(5, 0)):
    try:
        op()
    except ZeroDivisionError:
        print('ZeroDivisionError')
m = 2 ** 62
print(m - 1 + 1, -m - m, m * 2, (m * 4) // 4 == m)
print(abs(-m - m), -(-m - m))
print(0x3fffffff + 1, -0x40000000 - 1, 0x7fffffff + 1)
print(1 - 2 ** 63, 2 ** 63 - 1)
