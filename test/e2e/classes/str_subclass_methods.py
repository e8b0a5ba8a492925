# RUN: %python %tools/run_e2e.py %taipan %s
# Instances carrying other objects; __repr__ recursion through containers.
class Node:
    def __init__(self, value, children=()):
        self.value = value
        self.children = list(children)
    def __repr__(self):
        if not self.children:
            return 'Node(%r)' % (self.value,)
        return 'Node(%r, %r)' % (self.value, self.children)
    def total(self):
        return self.value + sum(c.total() for c in self.children)
tree = Node(1, [Node(2), Node(3, [Node(4)])])
print(tree)
print(tree.total(), len(tree.children))
