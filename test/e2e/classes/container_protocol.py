# RUN: %python %tools/run_e2e.py %taipan %s
# __len__, __getitem__, __setitem__, __delitem__, __contains__, __iter__.
class Store:
    def __init__(self):
        self.data = {}
    def __len__(self):
        return len(self.data)
    def __getitem__(self, k):
        if k not in self.data:
            raise KeyError(k)
        return self.data[k]
    def __setitem__(self, k, v):
        self.data[k] = v
    def __delitem__(self, k):
        del self.data[k]
    def __contains__(self, k):
        return k in self.data
    def __iter__(self):
        return iter(sorted(self.data))
s = Store()
s['b'] = 2
s['a'] = 1
print(len(s), s['a'], 'b' in s, 'z' in s, list(s), bool(s))
del s['a']
print(len(s), list(s))
try:
    s['missing']
except KeyError as e:
    print('KeyError', e.args)
class Seq:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError
        return i * i
print(list(Seq()), 9 in Seq())
class Slicer:
    def __getitem__(self, idx):
        return idx
sl = Slicer()[1:5]
print(sl.start, sl.stop, sl.step, Slicer()[3], Slicer()['k'])
