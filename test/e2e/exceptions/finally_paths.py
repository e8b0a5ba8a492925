# RUN: %python %tools/run_e2e.py %taipan %s
# finally runs on return, break, continue and exceptions.
def ret():
    try:
        return 'from try'
    finally:
        print('finally after return')
print(ret())
def override():
    try:
        return 1
    finally:
        return 2
print(override())
for i in range(3):
    try:
        if i == 0:
            continue
        if i == 2:
            break
        print('body', i)
    finally:
        print('finally', i)
def swallow():
    try:
        raise ValueError
    finally:
        return 'swallowed'
print(swallow())
def loop_ret():
    for i in range(5):
        try:
            try:
                if i == 1:
                    return i
            finally:
                print('inner finally', i)
        finally:
            print('outer finally', i)
print(loop_ret())
while True:
    try:
        break
    finally:
        print('finally on while break')
