# RUN: %python %tools/run_e2e.py %taipan %s
# pow with two and three arguments, big exponents.
print(pow(2, 10), pow(2, 100), pow(-3, 5), pow(7, 0))
print(pow(3, 200, 1000007), pow(2, 1000, 10 ** 9 + 7), pow(5, 3, 7))
print(2 ** -1, 4 ** 0.5)
print(10 ** 50 // 7 ** 30)
print((-2) ** 63, (-2) ** 64)
