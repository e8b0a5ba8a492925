# RUN: %python %tools/run_e2e.py %taipan %s
# nonlocal updated from nested functions called in loops and comprehensions.
def outer():
    total = 0
    def add(n):
        nonlocal total
        total += n
    for i in range(5):
        add(i)
    [add(10) for _ in range(2)]
    return total
print(outer())
def make_acc():
    items = []
    size = 0
    def push(x):
        nonlocal size
        items.append(x)
        size += 1
        return size
    return push, items
push, items = make_acc()
print(push('a'), push('b'), items)
