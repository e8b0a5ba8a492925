# RUN: %python %tools/run_e2e.py %taipan %s
# Complex numbers with exact components.
a = 1 + 2j
b = 3 - 1j
print(a, b, a + b, a - b, a * b, -a)
print(a.real, a.imag, abs(3 + 4j), (2j) * (2j))
print(complex(1, 2), complex(0, 1), complex(2), 1j * 1j)
print(a == 1 + 2j, a != b, (1 + 0j) == 1)
print((4 + 2j) / 2, complex(a.real, -a.imag))
print(repr(1j), repr(1.5 + 0.5j), repr(2 - 3j))
