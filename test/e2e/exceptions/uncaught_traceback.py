# An exception nothing catches ends the program with status 1 and its
# traceback on stderr: one entry per frame it left, outermost first, native
# frames as well as bytecode ones; at -O3 the native frames are left out.
# RUN: not %taipan run --vm %s 2>&1 | FileCheck %s
# RUN: not %taipan run %s 2>&1 | FileCheck %s
# RUN: not %taipan run -O0 %s 2>&1 | FileCheck %s
# RUN: not %taipan run -O3 %s 2>&1 | FileCheck %s --check-prefix=O3
# O3: before
# O3-NEXT: ValueError: invalid syntax for integer with base 10: 'x'
# CHECK: before
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}uncaught_traceback.py", line 36, in <module>
# CHECK-NEXT:   File "{{.*}}uncaught_traceback.py", line 32, in run
# CHECK-NEXT:   File "{{.*}}uncaught_traceback.py", line 27, in parse
# CHECK-NEXT:   File "{{.*}}uncaught_traceback.py", line 21, in convert
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
