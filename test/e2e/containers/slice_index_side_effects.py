# RUN: %python %tools/run_e2e.py %taipan %s
# A slice bound's __index__ runs before the sequence's length is read: one
# that empties the very list or bytearray being sliced leaves nothing to
# select (CPython's order), and nothing is read or written past the end.


class Emptying:
    def __init__(self, seq, value):
        self.seq = seq
        self.value = value

    def __index__(self):
        del self.seq[:]
        return self.value


def fresh():
    return list(range(20))


for make in (fresh, lambda: bytearray(range(20))):
    s = make()
    print(s[Emptying(s, 5):])
    s = make()
    print(s[:Emptying(s, 15)])
    s = make()
    print(s[Emptying(s, 15)::-1])
    s = make()
    print(s[Emptying(s, 2)::3])
    s = make()
    del s[Emptying(s, 3):8]
    print(s)

s = fresh()
s[Emptying(s, 5):] = [1, 2, 3]
print(s)
s = fresh()
s[Emptying(s, 5):10] = (7,)
print(s)

# The bounds come before the new items: a generator that grows the list
# runs after __index__ emptied it.
s = fresh()


def growing():
    s.append(99)
    yield 1


s[Emptying(s, 0):] = growing()
print(s)

# Typed code: the same, natively compiled with int bounds.
def typed(n):
    items = list(range(n))
    return items[n // 2 :], items[::-1][:3], items[1:-1:1]


print(typed(10))
