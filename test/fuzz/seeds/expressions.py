x = a if b else c
y = not a and b or c
z = a < b <= c != d is not e in f not in g
w = -a + +b * ~c ** -d // e % f @ g / h << i >> j & k ^ l | m
v = a[1:2, ::3, ...][x][*ys]
u = {**a, 'b': 1}, {1, *s}, [*l, 2], (*t,)
t = [x for x in y if x for z in x], {k: v for k, v in d}, {s for s in t}, (g for g in h)
s = (n := 10) + f(m := 2)
r = f"{x!r:>{width}.{prec}f} {y=} {{literal}} {'nested'!s}" u"text"
o = rb'\x00' b"bytes"
q = 0x_ff + 0o17 + 0b1_0 + 1_000.5e-3 + 3j + .5 + 1.
p = await_ = lambda: (yield)
