# None joined with an instance of a known class is an optional instance:
# a linked list's `next` field, a "best so far" that starts as None. An
# attribute access on one that None does not have goes through a narrow
# (which raises on None what the access raises) and then compiles as one on
# the instance: typed fields at their slots, direct method calls. Dunder
# names, which None has, keep the generic access; anything else joined
# with None stays object.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


class Node:
    def __init__(self, value, next):
        self.value = value
        self.next = next

    def total(self):
        s = 0
        n = self
        while n is not None:
            s += n.value
            n = n.next
        return s


def build(k):
    head = None
    for i in range(k):
        head = Node(i, head)
    return head


def first_class(k):
    head = build(k)
    return head.__class__


def mixed(flag):
    x = None
    if flag:
        x = 3
    return x


h = build(10)
print(h.total(), first_class(1).__name__, mixed(True), mixed(False))

# CHECK-LABEL: function <module>
# CHECK: [[H:%[0-9]+]]:instance<0:1> = narrow {{%[0-9]+}}, 'total'
# CHECK-NEXT: call.direct f0:3([[H]])
# CHECK-LABEL: function __init__ (native) slots=3 params: self:instance<0:1>, value:int, next:optional[instance<0:1>] returns None
# CHECK-LABEL: function total (native) slots=1 params: self:instance<0:1> returns int
# CHECK: n:optional[instance<0:1>] var
# CHECK: [[N:%[0-9]+]]:instance<0:1> = narrow {{%[0-9]+}}, 'value'
# CHECK-NEXT: {{%[0-9]+}}:int = load.attr [[N]], 'value' slot=
# CHECK: [[M:%[0-9]+]]:instance<0:1> = narrow {{%[0-9]+}}, 'next'
# CHECK-NEXT: {{%[0-9]+}}:optional[instance<0:1>] = load.attr [[M]], 'next' slot=
# CHECK-LABEL: function build (native) slots=1 params: k:int returns optional[instance<0:1>]
# CHECK-LABEL: function first_class
# CHECK-NOT: narrow
# CHECK: load.attr {{%[0-9]+}}, '__class__'
# CHECK-LABEL: function mixed (native) slots=1 params: flag:bool returns object
