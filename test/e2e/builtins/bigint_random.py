# RUN: %python %tools/run_e2e.py %taipan %s
# Big-int division, multiplication and subtraction on random operands of up
# to ~650 bits (a fixed LCG: the same numbers under CPython and Taipan),
# including divisors just below a power of two and exact multiples.
state = 88172645463325252
def rnd32():
    global state
    state = (state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
    return state >> 32
def randint(lo, hi):
    return lo + rnd32() % (hi - lo + 1)
def bits(n):
    v = 0
    while n > 0:
        k = 32 if n >= 32 else n
        v = (v << k) | (rnd32() >> (32 - k))
        n -= k
    return v
acc = 0
for it in range(2000):
    la = randint(1, 40) * 16 + randint(0, 15)
    lb = randint(1, la // 16 + 1) * 16 + randint(-15, 15)
    if lb < 1: lb = 1
    a = bits(la) | (bits(1) << la)
    b = bits(lb) | 1
    if randint(0, 9) < 3:
        b = (1 << lb) - randint(1, 3)
    if b == 0: b = 7
    if randint(0, 9) < 2:
        a = b * bits(randint(1, 300)) + randint(0, 3)
    for x, y in ((a, b), (-a, b), (a, -b), (-a, -b)):
        q, r = divmod(x, y)
        acc = (acc * 31 + q % 1000000007 + r % 998244353 + (x // y) % 65537 + (x % y) % 65521) % (1 << 61)
    p = a * b
    acc = (acc * 7 + p % 1000000009 + (p - a) % 12345701 + (a * a) % 1000033) % (1 << 61)
print(acc)
