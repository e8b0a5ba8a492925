# Locals that may be read unbound keep their inferred type when it lives in
# a Value word (int, str, list, dict, tuple, instance): null marks them
# unbound. Floats and bools become objects. Every read of an unbound one
# raises UnboundLocalError (a NameError) natively too.
# RUN: %python %tools/run_e2e.py %taipan %s


def read(f, *args):
    try:
        print(f(*args))
    except NameError:
        print(f.__name__, "unbound")


def after_loop_int(n):
    for i in range(n):
        total = i * 2
    return total


def after_loop_dict(words, n):
    for _ in range(n):
        counts = {}
        for w in words:
            counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items())


def after_loop_str(n):
    for i in range(n):
        s = "x" * i
    return s + "!"


def after_loop_float(n):
    for i in range(n):
        x = i / 2
    return x * 3


def after_loop_bool(n):
    for i in range(n):
        b = i > 1
    return not b


def deleted_list(keep):
    lst = [1, 2, 3]
    if not keep:
        del lst
    return len(lst)


def deleted_tuple(keep):
    t = (1, "a")
    if not keep:
        del t
    return t[1]


class Point:
    def __init__(self, x):
        self.x = x


def instance_on_one_path(make):
    if make:
        p = Point(5)
    return p.x


# A list bound on one path and indexed in a loop: the loop may not use the
# list it saw on entry without the check.
def list_in_loop(make, n):
    if make:
        lst = [10, 20, 30]
    total = 0
    for i in range(n):
        total += lst[i % 3]
    return total


# A parameter of a directly called function, deleted.
def deleted_param(n):
    if n > 2:
        del n
    return n + 1


def rebound_after_del(n):
    x = n
    del x
    x = n * 3
    return x


read(after_loop_int, 4)
read(after_loop_int, 0)
read(after_loop_dict, ["a", "b", "a"], 3)
read(after_loop_dict, ["a"], 0)
read(after_loop_str, 3)
read(after_loop_str, 0)
read(after_loop_float, 3)
read(after_loop_float, 0)
read(after_loop_bool, 3)
read(after_loop_bool, 0)
read(deleted_list, True)
read(deleted_list, False)
read(deleted_tuple, True)
read(deleted_tuple, False)
read(instance_on_one_path, True)
read(instance_on_one_path, False)
read(list_in_loop, True, 7)
read(list_in_loop, False, 0)
read(list_in_loop, False, 2)
print(deleted_param(1), deleted_param(2))
read(deleted_param, 3)
print(rebound_after_del(4))
for k in range(3):
    print(k, after_loop_int(k) if k else "-", rebound_after_del(k))
