# An exception from a micropython.schedule callback is printed with its
# traceback to stdout and the program goes on, as in MicroPython; the
# scheduler keeps running callbacks afterwards. (FileCheck rather than an
# .exp file: the traceback names the file as the command line gave it.)
# The loop waiting for the second callback would never end without the
# polls: `timeout` turns that into a failure.
# RUN: timeout 60 %taipan run --vm %s | FileCheck %s
# RUN: timeout 60 %taipan run %s | FileCheck %s
# CHECK: Traceback (most recent call last):
# CHECK-NEXT: File "{{.*}}schedule_errors.py", line {{[0-9]+}}, in failing
# CHECK-NEXT: ValueError: from a callback
# CHECK-NEXT: after the loop 10
# CHECK-NEXT: second ran
# CHECK-NEXT: done
import micropython

flag = []


def failing(arg):
    raise ValueError(arg)


def second(arg):
    print("second ran")
    flag.append(arg)


def spin(n):
    total = 0
    for i in range(n):
        total += 1
    return total


micropython.schedule(failing, "from a callback")
print("after the loop", spin(10))
micropython.schedule(second, 1)
while not flag:
    pass
print("done")
