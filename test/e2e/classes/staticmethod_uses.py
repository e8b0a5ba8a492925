# RUN: %python %tools/run_e2e.py %taipan %s
# staticmethod and classmethod as factories and helpers, and via super().
class Temperature:
    def __init__(self, kelvin):
        self.kelvin = kelvin
    @classmethod
    def from_celsius(cls, c):
        return cls(c + 273)
    @staticmethod
    def valid(k):
        return k >= 0
    def __repr__(self):
        return '%s(%d)' % (type(self).__name__, self.kelvin)
class Precise(Temperature):
    @classmethod
    def from_celsius(cls, c):
        t = super().from_celsius(c)
        t.kelvin *= 10
        return t
print(Temperature.from_celsius(27), Precise.from_celsius(27), Temperature.valid(-1), Precise.valid(3))
f = Temperature.valid
print(f(5), list(filter(Temperature.valid, [-2, 0, 2])))
