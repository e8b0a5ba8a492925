# RUN: %python %tools/run_e2e.py %taipan %s
# Big-int division and the results that fit small ints: quotients of one
# or two digits, remainders, signs, and divisors whose top digit has every
# bit length (the division estimates quotient digits from shifted top digits).
a = 3 ** 200 + 12345
results = []
for shift in range(0, 40):
    b = (1 << (64 + shift)) + 987654321 * shift + 1
    for x in [a, a * 7, b * 9 + 5, b * (1 << 40) - 1, b]:
        q, r = divmod(x, b)
        assert q * b + r == x and 0 <= r < b
        results.append((q % 1000003, r % 1000003))
        q, r = divmod(-x, b)
        assert q * b + r == -x and 0 <= r < b
        q, r = divmod(x, -b)
        assert q * -b + r == x and -b < r <= 0
print(len(results), results[:3], results[-3:])
z = (1, 0, 0, 1)
digits = []
k = 1
for _ in range(30):
    q, r, s, t = z
    y = (q * 3 + r) // (s * 3 + t)
    if y == (q * 4 + r) // (s * 4 + t):
        digits.append(y)
        z = (10 * q - 10 * y * s, 10 * r - 10 * y * t, s, t)
    else:
        z = (q * k, q * (4 * k + 2) + r * (2 * k + 1), s * k, s * (4 * k + 2) + t * (2 * k + 1))
        k += 1
print(digits)
big = 10 ** 50
print(big // 3, big % 7, (big + 1) // (big // 2), (big * big) // (big - 1), divmod(big, big + 1), divmod(big + 1, big))
print((2 ** 128 - 1) // (2 ** 64 - 1), (2 ** 128) // (2 ** 64 + 1), (2 ** 200) % (2 ** 100 - 3), -(2 ** 100) // 3)
print(12345678901234567890 * 3 - 37037036703703703670, (2 ** 70 + 5) - 2 ** 70, 2 ** 64 * 2 ** 64 // 2 ** 127)
