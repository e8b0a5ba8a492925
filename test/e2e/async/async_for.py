# RUN: %python %tools/run_e2e.py %taipan %s
# async for over an object with __aiter__/__anext__.
from Inputs.loop import Suspend, run

class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await Suspend('tick')
        self.i += 1
        return self.i * 10

async def main():
    got = []
    async for v in Ticker(3):
        got.append(v)
    else:
        print('async for else')
    async for v in Ticker(5):
        if v == 20:
            break
        print('first loop value', v)
    return got

print(run(main()))
