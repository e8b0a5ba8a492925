# RUN: %python %tools/run_e2e.py %taipan %s
# Binary search, bisect-style insertion and a sorted-list class.
def bsearch(xs, target):
    lo, hi = 0, len(xs)
    while lo < hi:
        mid = (lo + hi) // 2
        if xs[mid] < target:
            lo = mid + 1
        else:
            hi = mid
    return lo
xs = list(range(0, 100, 7))
print([bsearch(xs, t) for t in (0, 1, 7, 50, 98, 200)])
class SortedList:
    def __init__(self):
        self.items = []
    def add(self, v):
        self.items.insert(bsearch(self.items, v), v)
    def __contains__(self, v):
        i = bsearch(self.items, v)
        return i < len(self.items) and self.items[i] == v
s = SortedList()
for v in (5, 1, 9, 3, 7, 3):
    s.add(v)
print(s.items, 3 in s, 4 in s)
