# An exception nothing catches ends the program with status 1 and its
# traceback on stderr: one entry per frame it left, outermost first, native
# frames as well as bytecode ones.
# RUN: not %taipan run --vm %s 2>&1 | FileCheck %s
# RUN: not %taipan run %s 2>&1 | FileCheck %s
# RUN: not %taipan run -O0 %s 2>&1 | FileCheck %s
# CHECK: before
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}uncaught_traceback.py", line 33, in <module>
# CHECK-NEXT:   File "{{.*}}uncaught_traceback.py", line 29, in run
# CHECK-NEXT:   File "{{.*}}uncaught_traceback.py", line 24, in parse
# CHECK-NEXT:   File "{{.*}}uncaught_traceback.py", line 18, in convert
# CHECK-NEXT: ValueError: invalid syntax for integer with base 10: 'x'
# CHECK-NOT: after


def convert(text):
    return int(text)


def parse(items):
    total = 0
    for item in items:
        total += convert(item)
    return total


def run():
    return [parse(["1", "2"]), parse(["3", "x"])]


print("before")
run()
print("after")
