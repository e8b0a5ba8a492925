# The results of the cmath module's functions are typed (complex numbers,
# phase a float, polar a pair of floats), as are math's and cmath's pi and
# e, so that what is computed from them is typed too: here a table of
# complex roots of unity and an FFT's butterflies (complex arithmetic on
# the list items).
# RUN: %python %tools/run_e2e.py %taipan %s
import cmath
import math
from cmath import rect as polar_to_complex


def show(z):
    return "(%.6f, %.6f)" % (z.real, z.imag)


def roots(n):
    return [cmath.rect(1, 2 * cmath.pi * k / n) for k in range(n)]


def fft(vector):
    n = len(vector)
    table = [cmath.exp(-2j * cmath.pi * k / n) for k in range(n // 2)]
    size = 2
    while size <= n:
        half = size // 2
        step = n // size
        for start in range(0, n, size):
            k = 0
            for j in range(start, start + half):
                temp = vector[j + half] * table[k]
                vector[j + half] = vector[j] - temp
                vector[j] += temp
                k += step
        size *= 2
    return vector


print([show(z) for z in roots(6)])
print([show(z) for z in fft([complex(x) for x in (1, 0, 0, 0, 0, 0, 0, 0)])])
print([show(z) for z in fft([complex(x) for x in (1, 2, 3, 4, 5, 6, 7, 8)])])
z = 3 + 4j
print(show(cmath.sqrt(z)), show(cmath.log(z)), show(cmath.log10(z)), show(cmath.exp(z)))
print(show(cmath.sin(z)), show(cmath.cos(z)), "%.6f" % cmath.phase(z))
r, phi = cmath.polar(z)
print("%.6f %.6f" % (r, phi), show(polar_to_complex(r, phi)))
print("%.6f %.6f %.6f %.6f" % (math.pi, math.e, cmath.pi, cmath.e))
print(type(cmath.rect(2, 0)).__name__, type(cmath.phase(1j)).__name__, type(cmath.polar(1)).__name__)
try:
    cmath.sqrt("4")
except TypeError:
    print("TypeError")
