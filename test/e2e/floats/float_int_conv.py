# RUN: %python %tools/run_e2e.py %taipan %s
# Conversions between floats and big ints, rounding and truncation.
print(int(1e18), int(-1e18), int(2.0 ** 70), float(2 ** 70), float(-(10 ** 20)))
print(int(123.999), int(-0.999), round(0.5), round(1.5), round(-1.5), round(2.5))
print(round(123.456, 2), round(123.456, -1), round(-2.675, 0))
print(7 // 2.5, 7 % -2.5)
print(float('  3.25  '), float('1e-2'), float('-.5'), float('5.'))
try:
    float('1.2.3')
except ValueError:
    print('ValueError')
