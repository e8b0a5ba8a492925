# RUN: %python %tools/run_e2e.py %taipan %s
# Round-robin scheduling of several coroutines.
from Inputs.loop import Suspend, run_all

async def worker(name, steps):
    for i in range(steps):
        print(name, 'step', i)
        await Suspend()
    return name + ' done'

print(run_all([worker('A', 3), worker('B', 1), worker('C', 2)]))
