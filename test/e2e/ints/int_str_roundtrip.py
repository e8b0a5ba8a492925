# RUN: %python %tools/run_e2e.py %taipan %s
# str(int) and int(str) round trips for many magnitudes and bases.
for e in (0, 1, 9, 10, 18, 19, 20, 38, 39, 60, 100):
    n = 10 ** e - 1
    m = -(7 ** e)
    assert int(str(n)) == n and int(str(m)) == m
    print(e, len(str(n)), str(m)[:12])
for base in (2, 8, 16, 36):
    n = 123456789 ** 3
    s = ''
    x = n
    digits = '0123456789abcdefghijklmnopqrstuvwxyz'
    while x:
        s = digits[x % base] + s
        x //= base
    print(base, s[:20], int(s, base) == n)
