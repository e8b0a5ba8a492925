# RUN: %python %tools/run_e2e.py %taipan %s
# Builtin operations raise the expected exception types.
def kind(fn):
    try:
        fn()
    except Exception as e:
        return type(e).__name__
    return 'no error'
print(kind(lambda: 1 / 0), kind(lambda: [][0]), kind(lambda: {}['k']), kind(lambda: undefined_name))
print(kind(lambda: 'a' + 1), kind(lambda: int('x')), kind(lambda: None.attr), kind(lambda: [].pop()))
print(kind(lambda: next(iter([]))), kind(lambda: (1, 2)[5]), kind(lambda: 'abc'.index('z')))
print(kind(lambda: len(5)), kind(lambda: object().missing), kind(lambda: 1 + None))
print(kind(lambda: [1, 2].remove(3)), kind(lambda: {1}.remove(2)), kind(lambda: 2 ** 10))
print(kind(lambda: int.from_bytes), kind(lambda: chr(-1)), kind(lambda: float('abc')))
print(kind(lambda: (lambda x: x)()), kind(lambda: hash([])), kind(lambda: iter(5)))
