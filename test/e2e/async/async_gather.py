# RUN: %python %tools/run_e2e.py %taipan %s
# A gather helper built on the loop: run coroutines concurrently, keep order.
from Inputs.loop import Suspend, run

async def compute(n):
    total = 0
    for i in range(n):
        total += i
        await Suspend()
    return n, total

async def gather(*coros):
    pending = list(enumerate(coros))
    results = [None] * len(coros)
    while pending:
        index, coro = pending.pop(0)
        try:
            coro.send(None)
        except StopIteration as stop:
            results[index] = stop.value
        else:
            pending.append((index, coro))
            await Suspend('gather')
    return results

async def main():
    return await gather(compute(3), compute(1), compute(4))

print(run(main()))
