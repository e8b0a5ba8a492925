# A direct call drops the load of the callee's global only when the def
# surely ran whenever the call does; otherwise the load stays for its
# NameError (ir/infer.cpp, "the def before the call").
# RUN: %taipan compile --emit=ir %s | FileCheck %s


def early():
    return later()


# Made before later's def, and passed around (printed): the load stays.
# CHECK-LABEL: function early (native)
# CHECK: load.global 'later'
# CHECK-NEXT: call.direct


def main():
    return later() + helper()


# Made before the defs too, but only ever called, after both.
# CHECK-LABEL: function main (native)
# CHECK-NOT: load.global
# CHECK: call.direct
# CHECK-NOT: load.global
# CHECK: call.direct


def later():
    return 1


def helper():
    return helper_of_helper()


# Made before helper_of_helper's def, but called only from main, which runs
# after it.
# CHECK-LABEL: function helper (native)
# CHECK-NOT: load.global
# CHECK: call.direct


def helper_of_helper():
    return fact(5)


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


# Its own def ran: the recursive call has no load (a direct call, which
# tail recursion then makes a jump back).
# CHECK-LABEL: function fact (native)
# CHECK-NOT: load.global
# CHECK: tail.frames


print(main(), early)
