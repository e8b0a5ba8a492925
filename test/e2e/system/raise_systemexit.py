# RUN: %python %tools/run_e2e.py %taipan %s
# raise SystemExit(N) sets the exit status like sys.exit.
print('about to raise')
raise SystemExit(9)
