# try/except/finally: try.push enters a protected region, the handler
# block starts with caught; a return inside the regions pops every slot it
# leaves (innermost first) and runs the finally body on its way out; the
# exceptional path runs the finally body again and re-raises. Locals
# written inside a region and read after a handler are volatile.
# RUN: %taipan compile --emit=ir %s | FileCheck %s

def f(n):
    total = 0
    try:
        try:
            total = n + 1
            return total
        except ValueError as e:
            print(e)
            raise
    finally:
        print(total)

# CHECK-LABEL: function f (native) slots=1 try_slots=2
# CHECK: total:{{.*}} var volatile
# CHECK: bb0:
# CHECK: store total,
# CHECK-NEXT: try.push 0, bb1, [[FINALLY:bb[0-9]+]]
# CHECK: bb1:
# CHECK-NEXT: try.push 1, bb2, [[EXCEPT:bb[0-9]+]]
# CHECK: bb2:
# CHECK: binary add
# CHECK: store total,
# CHECK: store $ret{{[0-9]+}},
# CHECK-NEXT: try.pop 1
# CHECK-NEXT: try.pop 0
# CHECK-NEXT: load.global 'print'
# CHECK-NEXT: load total
# CHECK-NEXT: call
# CHECK-NEXT: load $ret
# CHECK-NEXT: return
# The except clause: match, bind, body, bare raise re-raises the caught exception.
# CHECK: [[EXCEPT]]:
# CHECK-NEXT: [[EXC:%[0-9]+]]:{{.*}} = caught 1
# CHECK-NEXT: store [[EXCVAR:\$exc[0-9]+]], [[EXC]]
# CHECK: load.global 'ValueError'
# CHECK-NEXT: exc.match
# CHECK: store e,
# CHECK: load e
# CHECK: [[AGAIN:%[0-9]+]]:{{.*}} = load [[EXCVAR]]
# CHECK-NEXT: reraise [[AGAIN]]
# No clause matched: the exception propagates.
# CHECK: reraise
# The finally handler: the finally body, then the exception again.
# CHECK: [[FINALLY]]:
# CHECK-NEXT: [[CAUGHT:%[0-9]+]]:{{.*}} = caught 0
# CHECK-NEXT: store [[FEXC:\$exc[0-9]+]], [[CAUGHT]]
# CHECK-NEXT: load.global 'print'
# CHECK-NEXT: load total
# CHECK-NEXT: call
# CHECK-NEXT: [[RE:%[0-9]+]]:{{.*}} = load [[FEXC]]
# CHECK-NEXT: reraise [[RE]]

# break and continue leave the regions inside the loop only.
def loop(items):
    for x in items:
        try:
            if x:
                continue
            break
        finally:
            print(x)

# CHECK-LABEL: function loop (native) slots=1 try_slots=1
# CHECK: try.push 0,
# CHECK: try.pop 0
# CHECK-NEXT: load.global 'print'
# CHECK: jump bb1
# CHECK: try.pop 0
# CHECK-NEXT: load.global 'print'

# with: __exit__ is called with None three times on the way out, with the
# exception's class, the exception and None from the handler, which
# re-raises unless __exit__ returns true.
def managed(m):
    with m as v:
        return v

# CHECK-LABEL: function managed (native) slots=1 try_slots=1
# CHECK: load.attr {{%[0-9]+}}, '__exit__'
# CHECK-NEXT: store $exit0,
# CHECK-NEXT: call.method {{%[0-9]+}}.__enter__()
# CHECK: try.push 0, bb1, bb2
# CHECK: bb1:
# CHECK: store v,
# CHECK: try.pop 0
# CHECK-NEXT: [[EXIT:%[0-9]+]]:{{.*}} = load $exit0
# CHECK-NEXT: [[NONE:%[0-9]+]]:{{.*}} = const.none
# CHECK-NEXT: call [[EXIT]]([[NONE]], [[NONE]], [[NONE]])
# CHECK: return
# CHECK: bb2:
# CHECK-NEXT: [[E:%[0-9]+]]:{{.*}} = caught 0
# CHECK: [[TYPE:%[0-9]+]]:{{.*}} = load.attr [[E]], '__class__'
# CHECK: call {{%[0-9]+}}([[TYPE]], [[E]], {{%[0-9]+}})
# CHECK: truth
# CHECK-NEXT: branch
# CHECK: reraise
