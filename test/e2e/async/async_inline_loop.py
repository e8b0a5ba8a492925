# RUN: %python %tools/run_e2e.py %taipan %s
# Self-contained: an awaitable class and a driver loop in the same file.
class Yield:
    def __iter__(self):
        got = yield 'yielded'
        return got
    __await__ = __iter__

async def double(x):
    r = await Yield()
    return x * 2 + r

async def main():
    a = await double(1)
    b = await double(a)
    return [a, b]

def drive(coro):
    sent = None
    while True:
        try:
            what = coro.send(sent)
        except StopIteration as e:
            return e.value
        sent = 100
        print('drive:', what)

print(drive(main()))
