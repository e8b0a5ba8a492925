# RUN: %python %tools/run_e2e.py %taipan %s
# Subclassing builtin types: list, dict, Exception.
class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2); s.extend([3])
print(s.peek(), len(s), s.pop(), isinstance(s, list))
class DefaultDict(dict):
    def __init__(self, default):
        super().__init__()
        self.default = default
    def get_or_default(self, k):
        return self[k] if k in self else self.default
d = DefaultDict(0)
d['a'] = 5
print(d.get_or_default('a'), d.get_or_default('b'), len(d))
class Err(ValueError):
    pass
try:
    raise Err('sub')
except ValueError as e:
    print(type(e).__name__, e.args)
