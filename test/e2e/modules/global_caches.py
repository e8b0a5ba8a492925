# RUN: %python %tools/run_e2e.py %taipan %s
# Global loads go through per-site caches (a global's entry, or a builtin's
# when the globals certainly lack the name): every way a name's meaning can
# change between two runs of the same load must be seen.
import builtins


def count(s):
    n = 0
    for c in s:
        n += ord(c) + len(s)
    return n


def later():
    return defined_later


print(count("hello"))
try:
    later()
except NameError:
    print("NameError before the definition")
defined_later = 1
print(later())
defined_later = 2
print(later())
del defined_later
try:
    later()
except NameError:
    print("NameError after del")

# A global shadows a builtin, then goes away again.
len = lambda x: 42
print(count("hi"))
del len
print(count("hi"))

# The builtin itself is replaced, then restored.
saved_ord = builtins.ord
builtins.ord = lambda c: 1000
print(count("ab"))
builtins.ord = saved_ord
print(count("ab"))

# Globals changed through globals(), with a key that is not interned text.
name = "".join(["a", "b", "s"])
g = globals()
g[name] = lambda x: -1
print(abs(-5))
del g[name]
print(abs(-5))

# Many globals: the dict grows (entries move) between loads.
for i in range(40):
    g["filler_%d" % i] = i
print(later.__name__, count("x"), filler_39)
