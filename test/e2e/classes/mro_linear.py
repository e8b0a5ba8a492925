# RUN: %python %tools/run_e2e.py %taipan %s
# Multiple inheritance without diamonds: attribute lookup goes left to right.
class Left:
    def who(self):
        return 'Left'
    def only_left(self):
        return 'only Left'
class Right:
    def who(self):
        return 'Right'
    def only_right(self):
        return 'only Right'
class Both(Left, Right):
    pass
class Swapped(Right, Left):
    pass
b, s = Both(), Swapped()
print(b.who(), s.who(), b.only_right(), s.only_left())
print(isinstance(b, Left), isinstance(b, Right), issubclass(Swapped, Left))
class Mixin:
    def describe(self):
        return 'I am ' + self.name()
class Named:
    def name(self):
        return 'named'
class Thing(Mixin, Named):
    pass
print(Thing().describe())
