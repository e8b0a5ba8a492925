# RUN: %python %tools/run_e2e.py %taipan %s
# Float formatting with explicit precision.
vals = [0.0, 1.0, -1.5, 3.14159265, 1234.5678, 0.000123, 1e10, 2.5e-7]
for v in vals:
    print('%.3f %.2e %g %10.4f|%-10.2f|' % (v, v, v, v, v))
for v in vals:
    print('{:.3f} {:.2e} {:g} {:>12.5f} {:+.1f}'.format(v, v, v, v, v))
print(f'{2.5:6.2f}|{-0.3:.1f}|{1/3:.5f}|{100.0:.1e}')
print('{:.1%}'.format(0.25), '%5.1f%%' % 99.5)
print(str(0.5), repr(0.25), str(100.0), str(-3.75))
