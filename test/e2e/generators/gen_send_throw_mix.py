# RUN: %python %tools/run_e2e.py %taipan %s
# A coroutine-style generator handling commands sent in and errors thrown in.
def worker():
    results = []
    while True:
        try:
            cmd = yield results
        except KeyError as e:
            results.append('error:' + str(e.args[0]))
            continue
        if cmd == 'stop':
            return 'stopped with %d results' % len(results)
        results.append(cmd.upper())
w = worker()
next(w)
print(w.send('a'))
print(w.throw(KeyError('k')))
print(w.send('b'))
try:
    w.send('stop')
except StopIteration as e:
    print(e.value)
