# RUN: %python %tools/run_e2e.py %taipan %s
# A float list stored into a module global stays typed only while every
# load of that global is one inference follows. Here other code reaches it
# without that -- the generic clone of a function called with other
# argument types, a class body -- and adds a str: the typed code must read
# the items back as the objects they are.


def add_str():
    SHARED.append("s")


def store_and_mutate(k):
    xs = [1.0]
    global SHARED
    SHARED = xs
    add_str()
    return xs[-1], k + 1


print(store_and_mutate(1))
print([store_and_mutate][0](2.5))


def make_reader():
    class Reader:
        FROM_BODY.append("c")

    return Reader


def through_class_body():
    ys = [2.0]
    global FROM_BODY
    FROM_BODY = ys
    make_reader()
    return ys[-1], len(ys)


print(through_class_body())
