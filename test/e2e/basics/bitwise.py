# RUN: %python %tools/run_e2e.py %taipan %s
# Bitwise operators and shifts on small integers.
vals = [0, 1, 5, 12, 255, -1, -8]
for a in vals:
    for b in (0, 3, 6):
        print(a, b, a & b, a | b, a ^ b, a << b, a >> b)
print(~0, ~255, -256 >> 4, 1 << 40, (1 << 40) >> 39)
