# RUN: %python %tools/run_e2e.py %taipan %s
# SystemExit raised deep in calls passes through finally blocks.
import sys
def inner():
    try:
        sys.exit(7)
    finally:
        print('finally runs')
def outer():
    try:
        inner()
    except Exception:
        print('Exception does not catch SystemExit')
outer()
print('unreachable')
