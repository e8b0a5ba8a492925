# RUN: %python %tools/run_e2e.py %taipan %s
# repr/str of floats that both dialects print identically.
vals = [0.1, 0.2, 0.1 + 0.2, 1 / 3, 2 / 3, 1e100, 1.1 * 1.1, 123456789.123, 1e16, 1e15,
        1e-4, 1e-5, 5e-324 * 0 + 1e-300, 2.0 ** 60, 1.0, -0.0, 100.5, 3.141592653589793,
        12345678901234567.0, 0.30000000000000004, 1.7976931348623157e308]
for v in vals:
    print(v, repr(v), str(v))
print([0.5, 1.25], (2.5,), {'f': 0.75})
