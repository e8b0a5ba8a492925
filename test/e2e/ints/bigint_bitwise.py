# RUN: %python %tools/run_e2e.py %taipan %s
# Big integer bitwise operations and shifts, including negatives.
a = (1 << 80) + 12345
b = (1 << 70) - 1
print(a & b, a | b, a ^ b)
print(-a & b, a | -b, -a ^ -b, ~a)
print(a >> 33, a << 33, -a >> 33, -a >> 200)
print((1 << 200) >> 199, 1 << 0)
for s in (1, 31, 32, 63, 64, 65):
    print(s, 1 << s, -(1 << s), (1 << s) - 1)
