# RUN: %python %tools/run_e2e.py %taipan %s
# Factorials and Fibonacci numbers grow into big ints.
def fact(n):
    r = 1
    for i in range(2, n + 1):
        r *= i
    return r
for n in (10, 20, 25, 50):
    print(n, fact(n))
a, b = 0, 1
for i in range(150):
    a, b = b, a + b
print(a)
print(fact(60) // fact(58), fact(40) % 1000003)
s = str(fact(100))
print(len(s), sum(int(c) for c in s))
