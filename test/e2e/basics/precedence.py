# RUN: %python %tools/run_e2e.py %taipan %s
# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2)
print(10 - 4 - 3, 100 // 10 // 3, 2 * 3 % 4, 1 + 2 << 3, 1 | 2 ^ 3 & 4)
print(not 1 == 2, not (1 and 0), 1 < 2 == True, 3 & 1 == 1)
print(1 if 0 else 2 if 0 else 3, (lambda: 1 + 2)(), -~5, ~-5)
print(2 * -3, 2 - -3, +-+1, 5 % -3 * 2)
