# RUN: %python %tools/run_e2e.py %taipan %s
# hash() consistency for equal values and unhashable containers.
print(hash(10) == hash(10), hash('abc') == hash('a' + 'bc'), hash((1, 'x')) == hash((1, 'x')))
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), hash(2 ** 80) == hash(2 ** 80))
print(hash(True) == hash(1), hash(0) == hash(0.0) == hash(False))
for unhashable in ([], {}, set(), bytearray()):
    try:
        hash(unhashable)
        print('hashable?')
    except TypeError:
        print('TypeError', type(unhashable).__name__)
