# RUN: %python %tools/run_e2e.py %taipan %s
# Class-level registries of instances and per-instance ids from a counter.
class Entity:
    _next_id = 1
    all = []
    def __init__(self, name):
        self.id = Entity._next_id
        Entity._next_id += 1
        self.name = name
        Entity.all.append(self)
    @classmethod
    def find(cls, name):
        for e in cls.all:
            if e.name == name:
                return e
        return None
for n in ('a', 'b', 'c'):
    Entity(n)
print([(e.id, e.name) for e in Entity.all], Entity.find('b').id, Entity.find('z'))
