# RUN: %python %tools/run_e2e.py %taipan %s
# yield from delegates iteration, send, and returns the subgenerator's value.
def inner():
    x = yield 'inner-1'
    print('inner got', x)
    y = yield 'inner-2'
    print('inner got', y)
    return 'inner-result'
def outer():
    r = yield from inner()
    print('outer got', r)
    yield 'outer-done'
o = outer()
print(next(o))
print(o.send('A'))
print(o.send('B'))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain([1, 2], 'ab', range(3), (x for x in [9]))))
def flatten(tree):
    for node in tree:
        if isinstance(node, list):
            yield from flatten(node)
        else:
            yield node
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
