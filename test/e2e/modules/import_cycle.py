# RUN: %python %tools/run_e2e.py %taipan %s
# A cycle between two modules sees the partially initialised module.
from Inputs import cycle_a
print(cycle_a.A_AFTER, cycle_a.from_b())
from Inputs import cycle_b
print(cycle_b.B_VALUE)
