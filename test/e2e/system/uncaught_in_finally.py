# RUN: %python %tools/run_e2e.py %taipan %s
# finally blocks run before an uncaught exception ends the program.
try:
    print('body')
    {}['missing']
finally:
    print('finally before traceback')
