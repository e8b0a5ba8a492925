# RUN: %python %tools/run_e2e.py %taipan %s
# Toy RSA with big integers: modular inverse by extended Euclid and pow().
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
p = 1000000000000000003
q = 1000000000000000009
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
g, x, _ = egcd(e, phi)
d = x % phi
print(g, n, (e * d) % phi)
for m in (42, 123456789, 10 ** 30 + 7):
    c = pow(m, e, n)
    print(m, c, pow(c, d, n) == m)
