# RUN: %python %tools/run_e2e.py %taipan %s
# abs, divmod, pow, round, hex/oct/bin, chr/ord, bool, int/float conversions.
print(abs(-5), abs(5), abs(-2.5), abs(-(10 ** 20)))
print(divmod(17, 5), divmod(-17, 5), divmod(17, -5))
print(round(7), round(3.7), round(-3.7), round(1234, -2), round(1.25, 1))
print(hex(255), oct(64), bin(10), chr(97), ord('z'))
print(int('10'), float('1.5'), str(10), bool([]), bool([0]))
print(max(1, 2, 3), min([4, 5]), sum(range(10)))
print(hash(1) == hash(1.0), hash('a') == hash('a'))
