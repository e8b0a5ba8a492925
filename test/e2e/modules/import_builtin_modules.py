# RUN: %python %tools/run_e2e.py %taipan %s
# Builtin modules available in both dialects.
import sys
import math
print(type(sys.argv).__name__, sys.byteorder in ('little', 'big'))
print(math.sqrt(49), math.gcd(12, 18) if hasattr(math, 'gcd') else 6)
from math import floor as fl
print(fl(2.5))
import struct, sys as system
print(system is sys, struct.calcsize('<i'))
