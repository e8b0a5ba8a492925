# RUN: %python %tools/run_e2e.py %taipan %s
# send() passes values into a suspended generator.
def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    yield 'final ' + str(total)
acc = accumulator()
print(acc.send(None))
print(acc.send(5), acc.send(10), acc.send(-3))
print(acc.send(None))
def echo():
    received = []
    try:
        while True:
            received.append((yield len(received)))
    finally:
        print('echo closing with', received)
e = echo()
next(e)
e.send('a')
e.send('b')
e.close()
try:
    g = accumulator()
    g.send(1)
except TypeError:
    print('TypeError: send non-None to fresh generator')
