# RUN: %python %tools/run_e2e.py %taipan %s
# pass in every block kind, empty class and function bodies.
def f():
    pass
class C:
    pass
for _ in range(2):
    pass
while False:
    pass
if True:
    pass
try:
    pass
except Exception:
    pass
finally:
    pass
class CM:
    def __enter__(self):
        pass
    def __exit__(self, *a):
        pass
with CM():
    pass
print(f(), C.__name__)
def doc():
    'only a docstring'
print(doc())
