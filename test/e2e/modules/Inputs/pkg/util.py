from .core import add


def triple_add(a, b, c):
    return add(add(a, b), c)


NAME = __name__
