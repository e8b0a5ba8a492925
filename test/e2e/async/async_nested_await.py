# RUN: %python %tools/run_e2e.py %taipan %s
# Deep await chains and coroutines awaited in loops and comprehension-free code.
class Tick:
    def __iter__(self):
        yield 'tick'
    __await__ = __iter__

async def level(n):
    if n == 0:
        await Tick()
        return 0
    sub = await level(n - 1)
    return sub + n

async def main():
    total = 0
    for i in range(4):
        total += await level(i)
    return total

coro = main()
ticks = 0
try:
    while True:
        coro.send(None)
        ticks += 1
except StopIteration as e:
    print('ticks', ticks, 'result', e.value)
