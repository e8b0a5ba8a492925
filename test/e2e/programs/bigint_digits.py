# RUN: %python %tools/run_e2e.py %taipan %s
# Digits of e and pi-like series with big integer fixed-point arithmetic.
def e_digits(n):
    scale = 10 ** (n + 5)
    total, term, k = 0, scale, 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** 5)
print(e_digits(50))
def arctan_inv(x, scale):
    total = term = scale // x
    x2, k, sign = x * x, 3, -1
    while term:
        term //= x2
        total += sign * (term // k)
        sign, k = -sign, k + 2
    return total
scale = 10 ** 60
pi = 4 * (4 * arctan_inv(5, scale) - arctan_inv(239, scale))
print(str(pi)[:50])
