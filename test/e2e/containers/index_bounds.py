# RUN: %python %tools/run_e2e.py %taipan %s
# Inline list and tuple indexing: indices in range, negative ones counting
# from the end, and both kinds out of range, up to the small-int limits.
xs = [10, 20, 30]
t = (1, 2, 3)
for i in range(-5, 5):
    for s in (xs, t):
        try:
            print(i, s[i])
        except IndexError as e:
            print(i, "IndexError", e)
    try:
        xs[i] = i
        print(xs)
    except IndexError as e:
        print("store", i, "IndexError")  # the message differs from CPython's
big = 2**62 - 1
for i in (big, -big, 2**61, -2**61):
    try:
        print(xs[i])
    except IndexError as e:
        print(e)
