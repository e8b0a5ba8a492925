# RUN: %python %tools/run_e2e.py %taipan %s
# sys.exit(3) ends the program with status 3; later code does not run.
import sys
print('before exit')
sys.exit(3)
print('not printed')
