# RUN: %python %tools/run_e2e.py %taipan %s
# __eq__ and __hash__ make instances usable as dict keys and set members.
class Key:
    def __init__(self, name):
        self.name = name
    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()
    def __hash__(self):
        return hash(self.name.lower())
d = {Key('Alpha'): 1}
d[Key('ALPHA')] = 2
d[Key('beta')] = 3
print(len(d), d[Key('alpha')], Key('x') in {Key('X')}, Key('a') == 'a')
class NoHash:
    def __eq__(self, other):
        return True
try:
    {NoHash(): 1}
    print('hashable')
except TypeError:
    print('unhashable')
