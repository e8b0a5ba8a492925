# for loops over range objects held in variables and parameters (iterated
# in place natively while the bounds and step are small ints, through the
# iterator otherwise), and over tuples, whose items are typed as the join of
# the tuple's item types.
# RUN: %python %tools/run_e2e.py %taipan %s

def total(r):
    s = 0
    for i in r:
        s += i
    return s

def collect(r):
    out = []
    for i in r:
        if i == 7:
            continue
        if i > 40:
            break
        out.append(i * 2)
    return out

def gen(r):
    for i in r:
        yield i + 1

cols = range(8)
print(total(cols), total(range(5, -10, -3)), total(range(0)), total(range(3, 3)), total(range(10, 0)))
print(total(range(2**61, 2**61 + 5)), total(range(-2**62, -2**62 + 3)))
print(total(range(2**62 - 3, 2**62 + 2)), total(range(-2**63, -2**63 + 2)), total(range(2**63 - 3, 2**63 - 1)))
print(total(range(0, 2**62, 2**61)), total(range(2**62 - 1, -2**62, -(2**62 - 1))))
print(collect(range(100)), collect(range(50, 0, -7)))
print(list(gen(range(1, 10, 4))), sum(gen(cols)))
for t in ((1, 2, 3), (1.5, 2.5), ("a", "b"), (1, 2.5, "x"), ()):
    for x in t:
        print(x, end=" ")
    print()
def nested(n):
    r = range(n)
    count = 0
    for i in r:
        for j in r:
            if (i + j) % 3 == 0:
                count += 1
    return count
print(nested(10), nested(0))
try:
    for i in range(3):
        print(i)
        raise ValueError(i)
except ValueError as e:
    print("caught", e)
