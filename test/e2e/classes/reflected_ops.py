# RUN: %python %tools/run_e2e.py %taipan %s
# Reflected operators are tried when the left operand returns NotImplemented.
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        if isinstance(other, int):
            return Money(self.cents + other)
        return NotImplemented
    def __radd__(self, other):
        print('radd with', other)
        return self.__add__(other)
    def __repr__(self):
        return 'Money(%d)' % self.cents
print(Money(5) + Money(7), Money(5) + 3, 3 + Money(5))
print(sum([Money(1), Money(2)], Money(0)))
try:
    Money(1) + 'x'
except TypeError:
    print('TypeError')
