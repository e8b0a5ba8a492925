# RUN: %python %tools/run_e2e.py %taipan %s
# Truthiness via __bool__ and __len__.
class Empty:
    def __len__(self):
        return 0
class Full:
    def __len__(self):
        return 3
class Flag:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        return self.v
class Neither:
    pass
print(bool(Empty()), bool(Full()), bool(Flag(True)), bool(Flag(False)), bool(Neither()))
print('yes' if Full() else 'no', 'yes' if Empty() else 'no', not Flag(False))
print(Empty() or 'fallback', Flag(True) and 'both')
