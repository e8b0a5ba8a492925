# RUN: %python %tools/run_e2e.py %taipan %s
# "in" falls back to __iter__, then to __getitem__, when __contains__ is absent.
class ByIter:
    def __iter__(self):
        return iter([1, 2, 3])
class ByGetitem:
    def __getitem__(self, i):
        if i > 2:
            raise IndexError
        return i * 10
class ByContains:
    def __contains__(self, x):
        return x == 'magic'
print(2 in ByIter(), 9 in ByIter(), 20 in ByGetitem(), 25 in ByGetitem())
print('magic' in ByContains(), 'other' in ByContains(), 'magic' not in ByContains())
