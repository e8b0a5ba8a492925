# RUN: %python %tools/run_e2e.py %taipan %s
# Rich comparison methods, sorting user objects, __eq__ and __hash__.
class Version:
    def __init__(self, *parts):
        self.parts = parts
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __le__(self, o):
        return self.parts <= o.parts
    def __gt__(self, o):
        return self.parts > o.parts
    def __ge__(self, o):
        return self.parts >= o.parts
    def __hash__(self):
        return hash(self.parts)
    def __repr__(self):
        return '.'.join(str(p) for p in self.parts)
vs = [Version(1, 2), Version(1, 10), Version(0, 9), Version(1, 2, 1)]
print(sorted(vs), max(vs), min(vs))
print(Version(1) == Version(1), Version(1) != Version(2), Version(2) >= Version(1, 5))
print(len({Version(1), Version(1), Version(2)}), {Version(3): 'x'}[Version(3)])
class Plain:
    pass
p = Plain()
print(p == p, p != Plain(), Plain() == Plain())
