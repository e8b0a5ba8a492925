# RUN: %python %tools/run_e2e.py %taipan %s
# async methods on classes, awaited via self, and async staticmethods.
class Tick:
    def __iter__(self):
        yield 'tick'
    __await__ = __iter__
class Service:
    def __init__(self, name):
        self.name = name
        self.calls = 0
    async def fetch(self, key):
        self.calls += 1
        await Tick()
        return '%s:%s' % (self.name, key)
    async def fetch_all(self, keys):
        return await self._loop(keys)
    async def _loop(self, keys):
        out = []
        for k in keys:
            out.append(await self.fetch(k))
        return out
def run(coro):
    n = 0
    while True:
        try:
            coro.send(None)
            n += 1
        except StopIteration as e:
            return n, e.value
s = Service('svc')
print(run(s.fetch_all(['a', 'b', 'c'])), s.calls)
