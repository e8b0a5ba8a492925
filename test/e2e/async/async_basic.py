# RUN: %python %tools/run_e2e.py %taipan %s
# async def / await driven by a hand-written loop.
from Inputs.loop import Suspend, run

async def add(a, b):
    x = await Suspend('add')
    return a + b + x

async def main():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    print('results', r1, r2)
    return r1 * r2

print('result', run(main()))
