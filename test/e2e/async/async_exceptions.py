# RUN: %python %tools/run_e2e.py %taipan %s
# Exceptions through await chains, and throw() into a coroutine.
from Inputs.loop import Suspend, run

async def fails():
    await Suspend('about to fail')
    raise ValueError('from coroutine')

async def main():
    try:
        await fails()
    except ValueError as e:
        print('caught', e.args)
    try:
        await Suspend('waiting')
    except KeyError as e:
        print('thrown in', e.args)
        return 'recovered'

coro = main()
print(coro.send(None))
print(coro.send(None))
try:
    coro.throw(KeyError('k'))
except StopIteration as stop:
    print('result', stop.value)
