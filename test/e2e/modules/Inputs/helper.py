# A plain module with functions, a class, a constant and module-level state.
print('helper imported')

GREETING = 'hello'
calls = 0


def greet(name):
    global calls
    calls += 1
    return GREETING + ', ' + name


class Box:
    def __init__(self, value):
        self.value = value

    def __repr__(self):
        return 'Box(%r)' % (self.value,)


def _private():
    return 'private'
