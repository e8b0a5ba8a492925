# RUN: %python %tools/run_e2e.py %taipan %s
# Generators as methods and __iter__ implementations.
class Tree:
    def __init__(self, value, *children):
        self.value = value
        self.children = children
    def __iter__(self):
        yield self.value
        for c in self.children:
            yield from c
    def depth_first(self, depth=0):
        yield depth, self.value
        for c in self.children:
            yield from c.depth_first(depth + 1)
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), list(t.depth_first()))
print(sum(t), max(t), 3 in t)
