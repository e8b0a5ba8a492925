# RUN: %python %tools/run_e2e.py %taipan %s
# Generators with default, keyword-only and variadic arguments.
def gen(start, stop=None, *, step=1, **labels):
    if stop is None:
        start, stop = 0, start
    for i in range(start, stop, step):
        yield labels.get(str(i), i)
print(list(gen(3)), list(gen(1, 7, step=2)), list(gen(4, **{'2': 'two'})))
def varargs_gen(*args):
    yield from args
    yield len(args)
print(list(varargs_gen('a', 'b')))
