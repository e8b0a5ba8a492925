# RUN: %python %tools/run_e2e.py %taipan %s
# Name resolution: locals, enclosing, globals, builtins, and shadowing builtins.
x = 'global'
def f():
    return x
def g():
    x = 'local'
    return x
def h():
    len = lambda s: 'shadowed'
    return len('abc')
print(f(), g(), h(), len('abc'))
def uses_later_global():
    return later
later = 'defined after function'
print(uses_later_global())
def unbound():
    try:
        print(y)
    except NameError:
        print('UnboundLocalError is a NameError')
    y = 1
unbound()
