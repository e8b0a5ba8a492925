# RUN: %python %tools/run_e2e.py %taipan %s
# Each comparison operator calls its own special method.
class Num:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print('lt', self.v, other.v)
        return self.v < other.v
    def __gt__(self, other):
        print('gt', self.v, other.v)
        return self.v > other.v
    def __eq__(self, other):
        return self.v == other.v
a, b = Num(1), Num(2)
print(a < b)
print(b > a)
print(a == Num(1), a != Num(1), a != b)
print(max([Num(3), Num(1), Num(2)], key=lambda n: n.v).v)
print(min(Num(5), Num(4)).v)
