# Known classes: a module-level class with a simple body is class<C> where
# its global is loaded, and calling it gives instance<C>. Method calls and
# operators on instance<C> call the method the class binds by a plain def
# directly (call.direct), and the method's parameters take the arguments'
# types (but for special methods other than __init__ only self: the
# runtime's operator dispatch calls them with anything). An operator whose method may return NotImplemented (its result is
# object) stays an operator; a method name that is also stored as an
# attribute somewhere stays a method call; a class with __getattr__ is not
# known. A call of the class whose __init__ is known becomes new.instance
# and a direct call of __init__ with it.
# RUN: %taipan compile --emit=ir %s | FileCheck %s


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def dot(self, o):
        return self.x * o.x + self.y * o.y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __sub__(self, o):
        if o is None:
            return NotImplemented
        return Vec(self.x - o.x, self.y - o.y)

    def shadowed(self):
        return 1


class Hooked:
    def __getattr__(self, name):
        return name

    def m(self):
        return 2


def use(n):
    a = Vec(1.0, 2.0)
    b = a + a
    c = a - b
    s = a.dot(b)
    a.shadowed = None
    h = Hooked()
    return s, c, h.m()


print(use(3))

# CHECK-LABEL: function <module>
# CHECK: [[CLS:%[0-9]+]]:class<0:1> = call %{{[0-9]+}}(
# CHECK-NEXT: store.global 'Vec', [[CLS]]
# CHECK: [[HOOKED:%[0-9]+]]:object = call %{{[0-9]+}}(
# CHECK-NEXT: store.global 'Hooked', [[HOOKED]]

# CHECK-LABEL: function __init__ (native) slots=3 params: self:instance<0:1>, x:object, y:object returns None
# CHECK-LABEL: function dot (native) slots=2 params: self:instance<0:1>, o:instance<0:1> returns object
# CHECK-LABEL: function __add__ (native) slots=2 params: self:instance<0:1>, o:object returns instance<0:1>
# CHECK-LABEL: function __sub__ (native) slots=2 params: self:instance<0:1>, o:object returns object

# CHECK-LABEL: function use (native)
# CHECK: [[VEC:%[0-9]+]]:class<0:1> = load.global 'Vec'
# CHECK: [[X:%[0-9]+]]:float = const.float 1.0
# CHECK: [[Y:%[0-9]+]]:float = const.float 2.0
# CHECK-NEXT: [[A:%[0-9]+]]:instance<0:1> = new.instance [[VEC]]
# CHECK-NEXT: {{%[0-9]+}}:None = call.direct f0:2([[A]], [[X]], [[Y]])
# CHECK: {{%[0-9]+}}:instance<0:1> = call.direct f0:4(
# CHECK: {{%[0-9]+}}:object = binary sub
# CHECK: {{%[0-9]+}}:object = call.direct f0:3(
# CHECK: store.attr {{%[0-9]+}}, 'shadowed'
# CHECK: {{%[0-9]+}}:object = call.method {{%[0-9]+}}.m()
