# RUN: %python %tools/run_e2e.py %taipan %s
# Big int literals are typed int natively (the object table's constants):
# the int fast paths must take them to their slow paths, in expressions,
# locals, parameters and loops, and results that fit a small int again must
# come back as equal small ints.
BIG = 123456789012345678901234567890


def mix(x, y):
    return x * 3 - y, x // 7, x % 1000, x < y, -x, x >> 64, x & 0xFFFF, x ^ y


def countdown(start, stop):
    n = 0
    i = start
    while i > stop:
        i -= 1
        n += 1
    return n, i


a = 98765432109876543210
b = a - 98765432109876543200
print(b, b == 10, type(b) is int, b + 1)
print(mix(BIG, 5))
print(mix(5, BIG))
print(mix(BIG, BIG))
print(countdown(100000000000000000005, 100000000000000000000))
print(BIG + 0 == BIG, BIG - BIG, hash(BIG - BIG + 7) == hash(7))
total = 0
for k in range(3):
    total += 340282366920938463463374607431768211456
print(total, total // 340282366920938463463374607431768211456)
print(-9223372036854775808 - 1, 9223372036854775807 + 1, 4611686018427387904 - 1)
