# RUN: %python %tools/run_e2e.py %taipan %s
# Float arithmetic with exactly representable results.
print(1.5 + 2.25, 3.0 - 0.5, 2.5 * 4, 7.0 / 2, 7.5 // 2, 7.5 % 2)
print(-7.5 // 2, -7.5 % 2, 2.0 ** 3, 9 ** 0.5, divmod(7.5, 2))
print(1 / 4, 3 / 8, 1 + 0.5, 10 / 5)
print(float(3), float('2.5'), float('-0.125'), float('1e3'))
print(abs(-2.5), -0.0, 0.0 == -0.0)
print(round(2.675, 1) in (2.67, 2.68), round(3.5), round(4.5), round(-2.5))
print(int(2.999), int(-2.999))
print(1e16, 1e-5, 123456789.0, 0.5e-3)
print(float('inf'), -float('inf'), float('inf') > 1e308)
n = float('nan')
print(n != n, n == n)
