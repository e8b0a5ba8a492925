# RUN: %python %tools/run_e2e.py %taipan %s
# sorted() of many iterables, reversed() of sequences and custom __reversed__-free classes.
print(sorted(range(5, 0, -1)), sorted('cab'), sorted((3, 1, 2), reverse=True))
print(sorted({3: 'x', 1: 'y'}.items()), sorted(x % 3 for x in range(7)))
print(list(reversed(sorted([2, 9, 4]))), list(reversed(['a'])), list(reversed([])))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if not 0 <= i < 3:
            raise IndexError
        return 'abc'[i]
print(list(reversed(Seq())), list(Seq()))
data = [1, 5, 2]
r = sorted(data)
print(data, r, r is data)
