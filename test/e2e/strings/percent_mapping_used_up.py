# RUN: %python %tools/run_e2e.py %taipan %s
# `str % mapping` uses the mapping up at its first %(name)s: a positional
# conversion after it has no argument left (before it, the mapping itself
# is the argument).
print("%s %(a)s %(a)s" % {"a": 1})
for fmt in ("%(a)s %s", "%(a)s %(b)s %d"):
    try:
        print(fmt % {"a": 1, "b": 2})
    except TypeError:
        print("TypeError")
print("%(a)s-%(b)s" % {"a": 1, "b": 2})
