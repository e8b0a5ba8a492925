# RUN: %python %tools/run_e2e.py %taipan %s
# sys.exit() and sys.exit(0) end the program successfully.
import sys
print('exiting')
sys.exit()
