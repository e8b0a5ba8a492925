# RUN: %python %tools/run_e2e.py %taipan %s
# with targets: tuples, attributes, subscripts; file objects.
class Pair:
    def __enter__(self):
        return (1, 2)
    def __exit__(self, *a):
        return False
with Pair() as (a, b):
    print(a, b)
class Holder:
    pass
h = Holder()
d = {}
with Pair() as h.value:
    pass
with Pair() as d['k']:
    pass
print(h.value, d)
