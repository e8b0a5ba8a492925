# RUN: %python %tools/run_e2e.py %taipan %s
# async with: __aenter__/__aexit__ awaited, exceptions seen and suppressed.
from Inputs.loop import Suspend, run

class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    async def __aenter__(self):
        await Suspend('enter ' + self.name)
        return self.name.upper()
    async def __aexit__(self, exc_type, exc, tb):
        await Suspend('exit ' + self.name)
        print('exit', self.name, exc_type.__name__ if exc_type else None)
        return self.suppress

async def main():
    async with Resource('a') as r:
        print('inside', r)
    async with Resource('b', suppress=True):
        raise ValueError('swallowed')
    print('after b')
    try:
        async with Resource('c'):
            raise KeyError('kept')
    except KeyError as e:
        print('caught', e.args)
    return 'ok'

print(run(main()))
