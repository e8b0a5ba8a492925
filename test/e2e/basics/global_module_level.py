# RUN: %python %tools/run_e2e.py %taipan %s
# Module-level names modified from functions, and global declared for a new name.
total = 0
items = []
def add(x):
    global total
    total += x
    items.append(x)
for i in range(4):
    add(i)
print(total, items)
def define():
    global NEW_NAME
    NEW_NAME = 'created in function'
try:
    NEW_NAME
except NameError:
    print('not yet defined')
define()
print(NEW_NAME)
def local_shadow():
    total = -1
    return total
print(local_shadow(), total)
