# RUN: %python %tools/run_e2e.py %taipan %s
# erf, erfc, gamma and lgamma, printed to 10 significant digits.
import math

for x in (-6.0, -2.5, -1.0, -0.1, 0.0, 0.1, 0.5, 1.0, 1.9, 2.1, 3.0, 5.0, 10.0):
    print('erf(%g) = %.10g  erfc(%g) = %.10g' % (x, math.erf(x), x, math.erfc(x)))

for x in (0.001, 0.1, 0.5, 1.0, 1.5, 2.0, 3.7, 6.0, 10.0, 20.5, 50.0, 170.5, -0.5, -1.5, -2.3):
    print('gamma(%g) = %.10g' % (x, math.gamma(x)))

for x in (0.001, 0.1, 0.5, 1.0, 2.0, 2.5, 10.0, 100.0, 1000.0, 1e10, -0.5, -2.5):
    print('lgamma(%g) = %.10g' % (x, math.lgamma(x)))

print(math.gamma(5), math.gamma(1), math.lgamma(1), math.lgamma(2), math.erf(0), math.erfc(0))
print(math.erf(math.inf), math.erf(-math.inf), math.erfc(math.inf), math.erfc(-math.inf))
