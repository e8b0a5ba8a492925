# RUN: %python %tools/run_e2e.py %taipan %s
# .exp: MicroPython's messages for errors raised by builtins differ from
# CPython's (e.g. "divide by zero", "list index out of range").
def message(fn):
    try:
        fn()
    except Exception as e:
        return type(e).__name__ + ': ' + str(e)
print(message(lambda: 1 // 0))
print(message(lambda: [1][5]))
print(message(lambda: {}['key']))
print(message(lambda: int('x1')))
print(message(lambda: undefined_name))
print(message(lambda: [].pop()))
print(message(lambda: next(iter(()))))
