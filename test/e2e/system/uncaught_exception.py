# RUN: %python %tools/run_e2e.py %taipan %s
# An uncaught exception prints a traceback to stderr and exits with status 1;
# output printed before it is kept.
def fail(n):
    if n == 0:
        raise ValueError('boom')
    fail(n - 1)
print('start')
fail(3)
print('never')
