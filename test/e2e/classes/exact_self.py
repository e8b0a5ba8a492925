# RUN: %python %tools/run_e2e.py %taipan %s
# Methods of classes that no other class derives from run with an instance
# of exactly their class for self, whoever calls them: method calls on
# values of unknown type, operators the runtime dispatches (reflected
# ones too), comparisons from list.index and `in`, repr from print, and
# calls that omit a default.
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return Money(self.cents + other)

    def __radd__(self, other):
        return Money(other + self.cents)

    def __eq__(self, other):
        return isinstance(other, Money) and other.cents == self.cents

    def __repr__(self):
        return "Money(%d)" % self.cents

    def scaled(self, factor=None):
        if factor is None:
            factor = 2
        return Money(self.cents * factor)

    def split(self, parts):
        return [Money(self.cents // parts) for _ in range(parts)]


def untyped(values):
    out = []
    for v in values:
        out.append(v.scaled())
        out.append(v.scaled(3))
    return out


def main():
    wallet = {0: Money(5), 1: Money(7)}  # values of unknown type
    a, b = wallet[0], wallet[1]
    print(a + b, 3 + a, sum([a, b], Money(0)), a + 10)
    print(untyped([a, b]))
    print([a, b].index(Money(7)), Money(5) in [b, a], a == b)
    print(b.split(3), [m.scaled() for m in b.split(2)])


main()
