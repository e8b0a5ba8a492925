# RUN: %python %tools/run_e2e.py %taipan %s
# Recursive generators: permutations, tree walks, powerset.
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i in range(len(items)):
        for rest in permutations(items[:i] + items[i + 1:]):
            yield [items[i]] + rest
print(list(permutations([1, 2, 3])))
def powerset(s):
    if not s:
        yield []
        return
    for sub in powerset(s[1:]):
        yield sub
        yield [s[0]] + sub
print(sorted(powerset([1, 2, 3])))
def binary(n, prefix=''):
    if n == 0:
        yield prefix
    else:
        yield from binary(n - 1, prefix + '0')
        yield from binary(n - 1, prefix + '1')
print(list(binary(3)))
