# RUN: %python %tools/run_e2e.py %taipan %s
# Operators where one operand is small and the other big, in both orders.
small = 7
big = 3 ** 45
for a, b in ((small, big), (big, small), (-small, big), (big, -small)):
    print(a + b, a - b, a * b, a // b, a % b, a < b, a == b)
print(big & 0xFF, 0xFF & big, big | 1, 1 | big, big ^ big, -big >> 1)
print(big ** 2 // big == big, pow(big, 3, small), pow(small, big, 1000))
print(divmod(big, small), divmod(-big, small), divmod(small, -big))
