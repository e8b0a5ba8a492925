# RUN: %python %tools/run_e2e.py %taipan %s
# A realistic small class: running statistics.
class Stats:
    def __init__(self):
        self.n = 0
        self.total = 0
        self.lo = None
        self.hi = None
    def add(self, x):
        self.n += 1
        self.total += x
        self.lo = x if self.lo is None or x < self.lo else self.lo
        self.hi = x if self.hi is None or x > self.hi else self.hi
        return self
    def mean(self):
        return self.total / self.n
    def __repr__(self):
        return 'Stats(n=%d, lo=%s, hi=%s, mean=%.2f)' % (self.n, self.lo, self.hi, self.mean())
s = Stats()
for v in [4, 8, 15, 16, 23, 42]:
    s.add(v)
print(s)
