# RUN: %python %tools/run_e2e.py %taipan %s
# Comparisons between small and big ints, and with floats.
big = 10 ** 30
print(big > 1, big < -1, -big < 0, big == 10 ** 30, big != big + 1)
print(sorted([big, -big, 0, 5, big - 1, -5]))
print(max(big, 3), min(-big, 3))
print(2 ** 53 == 2.0 ** 53, 2 ** 64 > 1.0)
print(hash(5) == hash(5), int(str(big)) == big)
