# RUN: %python %tools/run_e2e.py %taipan %s
# Integer arithmetic with small values, including floor division and modulo signs.
for a in (7, -7, 0, 13, -13):
    for b in (3, -3, 5, -1):
        print(a, b, a + b, a - b, a * b, a // b, a % b, divmod(a, b))
print(2 ** 10, (-2) ** 3, 2 ** 0, 0 ** 0)
print(-5 // 2, 5 // -2, -5 % 2, 5 % -2)
print(+3, -(-3), ~5, ~-1)
