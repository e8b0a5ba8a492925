# RUN: %python %tools/run_e2e.py %taipan %s
# int() from strings in many bases and from floats.
print(int('42'), int('-17'), int('  12  '), int('+5'))
print(int('ff', 16), int('FF', 16), int('777', 8), int('101', 2), int('z', 36))
print(int('0x1f', 16), int('0o17', 8), int('0b11', 2), int('0x10', 0), int('0o10', 0), int('10', 0))
print(int(3.9), int(-3.9), int(1e20), int(True))
print(int('123456789012345678901234567890'), int('-1' * 1 + '0' * 25))
for bad in ('', 'abc', '1.5', '12a'):
    try:
        int(bad)
    except ValueError:
        print('ValueError', repr(bad))
print(int('1_000'), int('ff_ff', 16))
