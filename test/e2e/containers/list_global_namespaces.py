# RUN: %python %tools/run_e2e.py %taipan %s
# A program that uses globals() reads and writes its globals by name, so a
# float list stored into a global is no longer typed: code that reaches it
# through the namespace adds a str, and the function that stored it reads
# it back.


def add_str():
    globals()["SHARED"].append("s")


def store_and_mutate():
    xs = [1.0]
    global SHARED
    SHARED = xs
    add_str()
    return xs[-1]


print(store_and_mutate())
