# RUN: %python %tools/run_e2e.py %taipan %s
# Number formatting through format(), str.format and f-strings.
n = 1234567
x = 3.14159
print('{:,}|{:>12,}|{:e}|{:.3g}|{:.10g}'.format(n, n, x, x, x))
print(f'{n:010d}|{-n:+,}|{x:08.3f}|{x:<10.2f}|{x:^10.1f}|')
print('{:%}|{:.0%}'.format(0.125, 1.0))
print('{:o}|{:#o}|{:b}|{:#010b}|{:X}'.format(8, 8, 5, 5, 48879))
print('{0:{1}{2}}|'.format(7, '>', 5), '{:{w}.{p}f}|'.format(2.5, w=8, p=2))
print('%6.2f|%-8s|%08.3f|%+.1e' % (x, 'ab', -x, 12345.0))
