# RUN: %python %tools/run_e2e.py %taipan %s
# Complex arithmetic and comparisons with non-zero real parts.
z = complex(3, 4)
w = 1 - 2j
print(z * w, z / (1 + 1j), z + 1, 2 * z, z - w, abs(z))
print(z == complex(3, 4), z != w, (z * z).real, (z * z).imag)
print(complex('1+2j') if True else 0, complex(2.5, -1.5))
import cmath
print(abs(cmath.sqrt(-4)), abs(cmath.exp(0j)), cmath.phase(1j) * 2 == cmath.pi)
try:
    z < w
except TypeError:
    print('TypeError: complex ordering')
