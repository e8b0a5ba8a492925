# RUN: %python %tools/run_e2e.py %taipan %s
# global and nonlocal declarations.
counter = 0
def bump():
    global counter
    counter += 1
bump(); bump()
print(counter)
def make_global():
    global created
    created = 'yes'
make_global()
print(created)
def outer():
    x = 1
    def mid():
        nonlocal x
        x += 10
        def inner():
            nonlocal x
            x *= 2
        inner()
    mid()
    return x
print(outer())
x = 'module'
def shadow():
    x = 'local'
    def read():
        return x
    return read()
print(shadow(), x)
def read_global():
    return counter * 100
print(read_global())
