# RUN: %python %tools/run_e2e.py %taipan %s
# For loops over untyped iterables: strs, bytes and ranges step without a
# StopIteration handler (their iterators run no Python code); map() over a
# function that raises StopIteration still ends the loop, as in CPython.


def walk(xs):
    out = []
    for x in xs:
        out.append(x)
    return out


def stop_at_three(n):
    if n == 3:
        raise StopIteration
    return n * 10


print(walk("héllo"), walk(b"\x00ab"), walk(range(5, -5, -3)), walk(""), walk(range(0)))
print(walk(map(stop_at_three, range(6))))
print(walk(iter("xy")), walk(reversed("abc")))
