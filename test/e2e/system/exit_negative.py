# RUN: %python %tools/run_e2e.py %taipan %s
# sys.exit with a value outside 0..255 is reduced modulo 256 by the OS.
import sys
print('exit -1')
sys.exit(-1)
