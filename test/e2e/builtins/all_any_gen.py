# RUN: %python %tools/run_e2e.py %taipan %s
# any/all stop early on generators.
def gen(vals):
    for v in vals:
        print('yield', v)
        yield v
print(any(gen([0, 1, 2])))
print(all(gen([1, 0, 2])))
print(any(gen([])), all(gen([])))
print(sum(x * x for x in range(5)), max(x % 4 for x in range(10)))
