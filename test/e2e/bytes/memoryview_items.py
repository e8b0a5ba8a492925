# RUN: %python %tools/run_e2e.py %taipan %s
# Items of a byte view of a bytearray, read and written with small ints
# (a fast path): whole views and slices of one, negative indices, a bool,
# and the errors (index out of range, a byte out of range, a read-only
# view, a non-int) as the general path gives them.


def attempt(f):
    try:
        return f()
    except Exception as e:
        return type(e).__name__


def store(view, i, v):
    view[i] = v


buf = bytearray(8)
whole = memoryview(buf)
part = whole[2:6]
for i in range(4):
    part[i] = 10 * i + 1
whole[-1] = 255
part[-4] = 7
print(list(buf), part[0], part[-1], whole[7], len(part))

print(attempt(lambda: store(part, 4, 1)), attempt(lambda: part[-5]))
print(attempt(lambda: store(whole, 0, 256)), attempt(lambda: store(whole, 0, -1)))
print(attempt(lambda: store(whole, 0, "a")), attempt(lambda: store(whole, 0, 2.0)))
whole[1] = True
print(buf[1])

frozen = memoryview(bytes(range(5)))
print(frozen[3], frozen[-1], attempt(lambda: store(frozen, 0, 1)))


# In a loop through an untyped view, as an image buffer's rows are written.
def fill(view, width):
    for u in range(width):
        view[u] = (u * 37) % 256
    return sum(view[u] for u in range(width))


img = bytearray(6 * 4)
for row in range(4):
    line = memoryview(img)[row * 6 : row * 6 + 6]
    print(fill(line, 6), end=" ")
print(bytes(img).hex())
