# RUN: %python %tools/run_e2e.py %taipan %s
# Only stdout is compared; stderr output does not disturb it.
import sys
sys.stderr.write('to stderr\n')
print('to stdout')
sys.stdout.write('written ' + str(42) + '\n')
print('x', file=sys.stderr)
print('last')
