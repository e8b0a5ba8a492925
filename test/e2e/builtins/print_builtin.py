# RUN: %python %tools/run_e2e.py %taipan %s
# print with sep, end and file arguments.
import sys
print('a', 'b', 'c', sep='-')
print('no newline', end='')
print(' <- joined')
print(1, 2, sep='')
print()
print('x', end='!\n')
print(*[1, 2, 3], sep=', ')
print('to stdout', file=sys.stdout)
print('to stderr', file=sys.stderr)
sys.stdout.write('written\n')
print('', 'lead')
