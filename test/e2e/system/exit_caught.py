# RUN: %python %tools/run_e2e.py %taipan %s
# SystemExit can be caught and inspected.
import sys
try:
    sys.exit(5)
except SystemExit as e:
    print('caught SystemExit', e.args)
try:
    raise SystemExit(2)
except BaseException as e:
    print(type(e).__name__)
sys.exit(4)
