# RUN: %python %tools/run_e2e.py %taipan %s
# Function decorators: plain, with arguments, stacked.
def trace(fn):
    def wrapper(*args, **kwargs):
        print('call', fn.__name__, args)
        return fn(*args, **kwargs)
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(2, 3))
def repeat(n):
    def deco(fn):
        def wrapper(*a):
            return [fn(*a) for _ in range(n)]
        return wrapper
    return deco
@repeat(3)
def hello(name):
    return 'hi ' + name
print(hello('bob'))
def tag(t):
    def deco(fn):
        return lambda: '<' + t + '>' + fn() + '</' + t + '>'
    return deco
@tag('b')
@tag('i')
def text():
    return 'x'
print(text())
registry = []
def register(fn):
    registry.append(fn.__name__)
    return fn
@register
def one(): pass
@register
def two(): pass
print(registry)
