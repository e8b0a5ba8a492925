# RUN: %python %tools/run_e2e.py %taipan %s
# printf-style % formatting.
print('%s %s' % ('a', 1), '%d' % 42, '%5d|%-5d|%05d' % (1, 2, 3))
print('%x %X %o' % (255, 255, 8), '%c%c' % (65, 'b'))
print('%r' % 'quoted', '%s' % [1, 'two'], '%%')
print('%.2f %.3e %g' % (2.5, 12345.678, 0.0001))
print('%(a)s-%(b)d' % {'a': 'x', 'b': 7})
print('%*d|%-*d|' % (5, 42, 4, 7), '%.*f' % (2, 3.14159))
print('%s' % (1,), '%s' % ((1, 2),))
print('%+d %+d % d' % (5, -5, 5))
