# RUN: %python %tools/run_e2e.py %taipan %s
# ARGS: alpha "two words" 3
# Program arguments arrive in sys.argv after the program name.
import sys
print(sys.argv[1:], len(sys.argv))
print(int(sys.argv[3]) * 2)
