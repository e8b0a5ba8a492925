# RUN: %python %tools/run_e2e.py %taipan %s
# Values that are None or an instance of one known class (inference's
# optional instances): fields and methods reached through them, what None
# raises for each kind of access, dunder attributes None has, and functions
# with such a parameter called dynamically with None, the instance, or
# something else.


class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next

    def total(self):
        s = 0
        n = self
        while n is not None:
            s += n.value
            n = n.next
        return s

    def last(self):
        n = self
        while n.next is not None:
            n = n.next
        return n


def build(k):
    head = None
    for i in range(k):
        head = Node(i, head)
    return head


head = build(6)
print(head.total(), head.last().value, head.next.next.value)

# A best-so-far that starts as None.
best = None
for i in range(8):
    cand = Node(i * 5 % 7, None)
    if best is None or cand.value > best.value:
        best = cand
print(best.value)


# None raises what the access raises, for loads, stores and method calls.
def probe(n):
    out = []
    try:
        out.append(n.value)
    except AttributeError as e:
        out.append("load: " + str(e))
    try:
        n.value = 1
        out.append(n.value)
    except AttributeError as e:
        out.append("store: " + str(e))
    try:
        out.append(n.total())
    except AttributeError as e:
        out.append("call: " + str(e))
    return out


print(probe(build(0)))
print(probe(build(3)))


# Attributes None has itself keep working on None.
def kind(n):
    return n.__class__.__name__


print(kind(build(0)), kind(build(1)))


# The parameter's guard: None and a Node run the native code; anything else
# (an object with a `value`, passed through an untyped call) runs the same
# function as bytecode.
class Other:
    value = 100
    next = None


def value_or_zero(n):
    if n is None:
        return 0
    return n.value


funcs = [value_or_zero]
print(value_or_zero(None), value_or_zero(build(2)), funcs[0](Other()), funcs[0](None))


# Truth and identity of an optional instance.
def describe(n):
    return ("some" if n else "none", n is None, n is not None)


print(describe(build(0)), describe(build(1)))
