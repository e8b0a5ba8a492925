# RUN: %python %tools/run_e2e.py %taipan %s
# A generator that finishes inside a for loop, and manual iteration protocol.
def letters():
    yield 'a'
    yield 'b'
for ch in letters():
    print(ch)
it = letters()
print(iter(it) is it)
while True:
    try:
        v = next(it)
    except StopIteration:
        print('done')
        break
    print('got', v)
