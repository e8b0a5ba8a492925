# A bare raise caught by an outer try of the same function: its frame is in
# the traceback once. At -O3 native bodies keep no frame records, and the
# handler has none to add (this used to crash in a generator).
# RUN: %taipan run --vm %s | FileCheck %s
# RUN: %taipan run -O0 %s | FileCheck %s
# RUN: %taipan run %s | FileCheck %s
# RUN: %taipan run -O3 %s | FileCheck %s --check-prefix=O3
# CHECK: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}reraise_caught_in_frame.py", line 26, in gen
# CHECK-NEXT: ZeroDivisionError: divide by zero
# CHECK-NEXT: Traceback (most recent call last):
# CHECK-NEXT:   File "{{.*}}reraise_caught_in_frame.py", line 37, in plain
# CHECK-NEXT: ZeroDivisionError: divide by zero
# CHECK-NEXT: ['caught', 'caught']
# O3: ZeroDivisionError: divide by zero
# O3-NEXT: ZeroDivisionError: divide by zero
# O3-NEXT: ['caught', 'caught']
import sys

out = []


def gen(n):
    try:
        try:
            yield 1 // n
        except ZeroDivisionError:
            raise
    except ZeroDivisionError as e:
        sys.print_exception(e, sys.stdout)
        yield "caught"


def plain(n):
    try:
        try:
            return 1 // n
        except ZeroDivisionError:
            raise
    except ZeroDivisionError as e:
        sys.print_exception(e, sys.stdout)
        return "caught"


out.extend(gen(0))
out.append(plain(0))
print(out)
