# RUN: %python %tools/run_e2e.py %taipan %s
# await inside try/finally and with blocks; closing a coroutine awaiting another.
class Step:
    def __iter__(self):
        yield 'step'
    __await__ = __iter__
class CM:
    def __enter__(self):
        print('enter')
    def __exit__(self, *a):
        print('exit', a[0].__name__ if a[0] else None)
async def inner():
    try:
        await Step()
        await Step()
    finally:
        print('inner finally')
async def outer():
    with CM():
        try:
            await inner()
        finally:
            print('outer finally')
c = outer()
c.send(None)
c.close()
print('closed')
c2 = outer()
for _ in range(2):
    c2.send(None)
try:
    c2.send(None)
except StopIteration:
    print('completed')
