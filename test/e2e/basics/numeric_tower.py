# RUN: %python %tools/run_e2e.py %taipan %s
# Conversions between bool, int, float and complex in arithmetic.
print(True + 1, True + 1.5, 1 + 2j + True, 2 * True)
print(int(7.9), int(-0.5), float(7), complex(1.5, 0) == 1.5)
print(7 // 2.0, 7 % 2.5, 2 ** 0.5 > 1.41, 10 / 4)
print(type(1 + 1).__name__, type(1 + 1.0).__name__, type(1 + 1j).__name__, type(True + True).__name__)
print(abs(-3 + 4j), 1.0 == 1, 1 == 1 + 0j)
