# RUN: %python %tools/run_e2e.py %taipan %s
# The cmath functions MicroPython has, printed to 10 digits.
import cmath
import math

def show(name, z):
    if isinstance(z, complex):
        print(name, '(%.10g, %.10g)' % (z.real + 0.0, z.imag + 0.0))
    elif isinstance(z, tuple):
        print(name, '(%.10g, %.10g)' % z)
    else:
        print(name, '%.10g' % z)

print('%.10g %.10g' % (cmath.pi, cmath.e))
for z in (1 + 1j, -2 + 0.5j, 3j, -1.5 - 2j, 4, 0.25 + 0j):
    show('phase', cmath.phase(z))
    show('polar', cmath.polar(z))
    show('exp', cmath.exp(z))
    show('log', cmath.log(z))
    show('log10', cmath.log10(z))
    show('sqrt', cmath.sqrt(z))
    show('cos', cmath.cos(z))
    show('sin', cmath.sin(z))

show('rect', cmath.rect(2, math.pi / 6))
show('rect', cmath.rect(1, 0))
print(cmath.phase(-1) == math.pi, cmath.phase(1), cmath.polar(0))
print(cmath.exp(0), cmath.log(1))
