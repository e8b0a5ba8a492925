# RUN: %python %tools/run_e2e.py %taipan %s
# Arithmetic-heavy loops: collatz lengths, digit sums, gcd.
def collatz(n):
    steps = 0
    while n != 1:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        steps += 1
    return steps
print([collatz(n) for n in range(1, 20)], max(range(1, 1000), key=collatz))
def gcd(a, b):
    while b:
        a, b = b, a % b
    return a
print(gcd(1071, 462), gcd(2 ** 40, 6 ** 20), gcd(17, 5))
print(sum(int(d) for d in str(2 ** 100)))
