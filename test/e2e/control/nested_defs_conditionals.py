# RUN: %python %tools/run_e2e.py %taipan %s
# Functions and classes defined conditionally and inside loops.
import sys
if len(sys.argv) > 100:
    def mode():
        return 'many args'
else:
    def mode():
        return 'few args'
print(mode())
makers = []
for k in range(3):
    class Made:
        kind = k
        def get(self):
            return self.kind * 10
    makers.append(Made)
print([m().get() for m in makers], makers[0] is not makers[1])
def choose(flag):
    if flag:
        def f(): return 'yes'
    else:
        f = lambda: 'no'
    return f()
print(choose(True), choose(False))
