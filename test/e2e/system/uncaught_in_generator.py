# RUN: %python %tools/run_e2e.py %taipan %s
# An exception escaping a generator that is consumed at top level ends the program.
def gen():
    yield 1
    raise KeyError('from generator')
for v in gen():
    print('value', v)
print('unreachable')
