# RUN: %python %tools/run_e2e.py %taipan %s
# finally in generators runs on normal exhaustion and on early break.
def resource(name, n):
    print('open', name)
    try:
        for i in range(n):
            yield i
    finally:
        print('close', name)
for v in resource('full', 2):
    print('got', v)
g = resource('partial', 5)
for v in g:
    if v == 1:
        break
print('after break')
g.close()
print(list(resource('list', 3)))
