# RUN: %python %tools/run_e2e.py %taipan %s
# Taipan prints complex numbers as CPython does, signed zero real parts
# included (MicroPython prints -1j as -1j, CPython and Taipan as (-0-1j)).
print(-1j, 1j, -(2j), 0j)
print(repr(complex(0, -3)), repr(complex(-0.0, 2)))
