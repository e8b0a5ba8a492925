# RUN: %python %tools/run_e2e.py %taipan %s
# Without arguments sys.argv holds only the program name.
import sys
print(len(sys.argv), sys.argv[1:])
