# RUN: %python %tools/run_e2e.py %taipan %s
# Big integer arithmetic crossing the small-int boundary.
a = 2 ** 64
b = 3 ** 50
print(a, b, a + b, a - b, b - a, a * b)
print(b // a, b % a, -b // a, -b % a, divmod(b, 12345678901))
print(a * a * a)
print(10 ** 40 + 1, -(10 ** 40))
x = 1
for i in range(1, 31):
    x *= i
print(x)
print(x // 10 ** 20, x % 10 ** 20)
print((1 << 100) - 1, (1 << 100) + (1 << 99))
print(0x7fffffffffffffff + 1, -0x8000000000000000 - 1)
print(4611686018427387903 + 1, 4611686018427387904 - 1)
print(-4611686018427387904 - 1, 1073741823 + 1, 2147483647 * 2)
