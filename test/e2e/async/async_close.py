# RUN: %python %tools/run_e2e.py %taipan %s
# Closing a suspended coroutine runs its finally blocks.
from Inputs.loop import Suspend

async def task():
    try:
        await Suspend('one')
        await Suspend('two')
    finally:
        print('task cleanup')

c = task()
print(c.send(None))
c.close()
print('closed')
async def nothing():
    return 42
n = nothing()
try:
    n.send(None)
except StopIteration as e:
    print('immediate result', e.value)
