# RUN: %python %tools/run_e2e.py %taipan %s
# Augmented assignment on names, attributes and subscripts.
x = 5
x += 3; print(x)
x -= 1; print(x)
x *= 4; print(x)
x //= 3; print(x)
x %= 5; print(x)
x **= 3; print(x)
x <<= 2; print(x)
x >>= 1; print(x)
x &= 0xF; print(x)
x |= 0x30; print(x)
x ^= 0x11; print(x)
y = 7.0
y /= 2; print(y)
l = [1, 2]
l += [3]; print(l)
l *= 2; print(l)
d = {'k': 1}
d['k'] += 10; print(d['k'])
class O: pass
o = O(); o.a = 1
o.a += 1; print(o.a)
s = 'ab'; s += 'cd'; s *= 2; print(s)
