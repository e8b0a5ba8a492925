# RUN: %python %tools/run_e2e.py %taipan %s
# Functions whose parameters inference typed from their direct calls, called
# also with other types (through a list, a keyword, a bound method, the
# class, getattr): the entry's guard fails and the function's generic clone
# runs instead (object parameters, dynamic calls). It must behave exactly
# as the typed code and the bytecode do: results, exceptions and their
# messages, stores to globals and fields, default arguments, recursion.


def scale(a, k):
    s = 0.0
    for i in range(3):
        s += a * k
    return s


fs = [scale]
print(scale(1.5, 2.0), fs[0](2, 3), fs[0](1.5, 2.0), fs[0](True, 2))
try:
    fs[0]("ab", 2)
except TypeError as e:
    print("TypeError")


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


print(fact(10), [fact][0](25), [fact][0](3.0))

# A global stored from the typed code and from the clone.
counter = 0


def bump(step):
    global counter
    counter += step
    return counter


print(bump(1), bump(2), [bump][0](0.5), [bump][0](10))


class Account:
    def __init__(self, balance):
        self.balance = balance

    def deposit(self, amount):
        self.balance += amount
        return self.balance

    def ratio(self, other):
        return self.balance / other.balance


acct = Account(10)
print(acct.deposit(5), acct.deposit(amount=2.5))
deposit = acct.deposit
print(deposit(1), Account.deposit(acct, 100))
print(acct.ratio(Account(4)), getattr(acct, "ratio")(Account(0.5)))
try:
    Account.ratio(acct, Account(0))
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    deposit("x")
except TypeError:
    print("TypeError on a str deposit")


# Default arguments and keywords reach the clone the same way.
def span(lo, hi=10, step=1):
    return list(range(lo, hi, step))


print(span(2, 5), span(lo=3), [span][0](1, step=4), span(0, 3, 1))


# The clone's own calls are dynamic: a typed callee called from it with
# other types runs its own clone.
def area(w, h):
    return w * h


def total_area(shapes):
    t = 0
    for w, h in shapes:
        t += area(w, h)
    return t


print(area(2, 3), total_area([(1, 2), (3, 4)]), [total_area][0]([(1.5, 2), ("ab", 2)][:1]))
try:
    [total_area][0]([(1, 2), ("ab", 2)])
except TypeError:
    print("TypeError from area")


# A method typed from its direct calls stores a field; called through the
# class with other types it runs its clone, which stores those instead:
# every later load of the field must see what was stored.
class Box:
    def __init__(self, v):
        self.v = v

    def put(self, v):
        self.v = v
        return self

    def twice(self):
        return self.v + self.v


b = Box(1.5)
print(b.put(2.5).twice(), Box.put(b, "ab").twice(), b.put(0.25).twice(), getattr(b, "put")([1]).twice())

# A global stored by both.
LAST = 0.0


def remember(x):
    global LAST
    LAST = x
    return LAST * 2


print(remember(1.5), [remember][0]("s"), LAST, remember(2.0), LAST)
