# RUN: %python %tools/run_e2e.py %taipan %s
# Float comparisons, inf and nan behaviour, int/float ordering.
inf = float('inf')
nan = float('nan')
print(inf > 10 ** 300, -inf < -10 ** 300, inf == inf, inf - inf != inf - inf)
print(nan < 1, nan > 1, nan == nan, nan != nan, [nan] == [nan] or True)
print(sorted([3.5, -1.0, 2, 0, -inf, inf]), max(1.5, 1), min(-0.5, 0))
print(0.1 + 0.2 == 0.3, abs(0.1 + 0.2 - 0.3) < 1e-9, 1e308 * 10 == inf)
print(float('-inf'), float('+inf'), str(nan), -nan != -nan)
