# Methods of a known class that no other class derives from, whose name is
# never loaded as an attribute, only ever run with an instance of exactly
# that class for self (method calls and operators find them through the
# instance's class): self is instance<C> even when every call is dynamic,
# so its fields are read at their slots. A subclassed class's methods keep
# self object. Parameters after self that no direct call reaches, of a
# method that something calls dynamically, are object even when the
# method's own stores are typed (`if p is None: p = ...`): a dynamic call
# passing anything must not fail the entry's guard.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x

    def pick(self, other=None):
        if other is None:
            other = P(0.5)
        return other


class Base:
    def get(self):
        return 1


class Sub(Base):
    pass


def use(things):
    total = 0.0
    for t in things:  # untyped receivers: dynamic calls
        total += t.get()
        t.pick()
    return total


print(use([P(1.0), {0: P(2.0)}[0]]), Sub().get())

# CHECK-LABEL: function get (native) slots=1 params: self:instance<0:1> returns float
# CHECK-NEXT: locals:
# CHECK: {{%[0-9]+}}:float = load.attr {{%[0-9]+}}, 'x' slot=0
# CHECK-LABEL: function pick (native) slots=2 params: self:instance<0:1>, other:object returns
# CHECK-LABEL: function get (native) slots=1 params: self:object returns int
