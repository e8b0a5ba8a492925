# RUN: %taipan compile --emit=scopes %s | FileCheck %s
# RUN: %taipan compile --emit=scopes %s | FileCheck --strict-whitespace --check-prefix=TREE %s
# RUN: %taipan compile --emit=scopes %s | grep -c ': ' | FileCheck --check-prefix=NSYM %s
# Class scopes: class-body names are invisible to methods (global-implicit
# there), a class name that nested scopes see as free is free-in-class,
# decorated defs are positioned at `def`/`class`, private names are mangled,
# and a `global` in a class body also lands in the module table.

class Plain:
    attr = 1
    other = attr + 1

    def method(self):
        return attr

    def __init__(self, value):
        self.value = value


class Derived(Plain, metaclass=type):
    pass


def factory(base):
    shared = 10

    class Made(base):
        shared = shared + 1
        local_only = 5

        def get(self):
            return shared, local_only

    return Made


def class_free_in_body(x):
    class K:
        y = x
    return K


class Outer:
    class Inner:
        n = 1

        def f(self):
            return Inner, n

    ref = Inner


def decorated_holder(deco):
    @deco
    class D:
        @staticmethod
        def s():
            return 1

        @property
        def p(self):
            return self

    return D


class Mangled:
    __private = 1
    __dunder__ = 2

    def m(self, __arg):
        __local = __arg
        return self.__private + __local


class GlobalInClass:
    global declared_in_class
    declared_in_class = 1
    used_later = declared_in_class

# Expected output, derived from CPython 3.11 symtable for the code above.
# CHECK: {{^}}module <1:1>{{$}}
# CHECK-DAG: {{^}} Plain: local assigned used{{$}}
# CHECK-DAG: {{^}} Derived: local assigned{{$}}
# CHECK-DAG: {{^}} type: global-implicit used{{$}}
# CHECK-DAG: {{^}} factory: local assigned{{$}}
# CHECK-DAG: {{^}} class_free_in_body: local assigned{{$}}
# CHECK-DAG: {{^}} Outer: local assigned{{$}}
# CHECK-DAG: {{^}} decorated_holder: local assigned{{$}}
# CHECK-DAG: {{^}} Mangled: local assigned{{$}}
# CHECK-DAG: {{^}} GlobalInClass: local assigned{{$}}
# CHECK-DAG: {{^}} declared_in_class: global declared-global{{$}}
# CHECK: {{^}} class 'Plain' <9:1>{{$}}
# CHECK-DAG: {{^}} attr: local assigned used{{$}}
# CHECK-DAG: {{^}} other: local assigned{{$}}
# CHECK-DAG: {{^}} method: local assigned{{$}}
# CHECK-DAG: {{^}} __init__: local assigned{{$}}
# CHECK: {{^}} function 'method' <13:5>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} attr: global-implicit used{{$}}
# CHECK: {{^}} function '__init__' <16:5>{{$}}
# CHECK-DAG: {{^}} self: local param used{{$}}
# CHECK-DAG: {{^}} value: local param used{{$}}
# CHECK: {{^}} class 'Derived' <20:1>{{$}}
# CHECK: {{^}} function 'factory' <24:1>{{$}}
# CHECK-DAG: {{^}} base: local param used{{$}}
# CHECK-DAG: {{^}} shared: cell assigned{{$}}
# CHECK-DAG: {{^}} Made: local assigned used{{$}}
# CHECK: {{^}} class 'Made' <27:5>{{$}}
# CHECK-DAG: {{^}} shared: local assigned used free-in-class{{$}}
# CHECK-DAG: {{^}} local_only: local assigned{{$}}
# CHECK-DAG: {{^}} get: local assigned{{$}}
# CHECK: {{^}} function 'get' <31:9>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} shared: free used{{$}}
# CHECK-DAG: {{^}} local_only: global-implicit used{{$}}
# CHECK: {{^}} function 'class_free_in_body' <37:1>{{$}}
# CHECK-DAG: {{^}} x: cell param{{$}}
# CHECK-DAG: {{^}} K: local assigned used{{$}}
# CHECK: {{^}} class 'K' <38:5>{{$}}
# CHECK-DAG: {{^}} y: local assigned{{$}}
# CHECK-DAG: {{^}} x: free used{{$}}
# CHECK: {{^}} class 'Outer' <43:1>{{$}}
# CHECK-DAG: {{^}} Inner: local assigned used{{$}}
# CHECK-DAG: {{^}} ref: local assigned{{$}}
# CHECK: {{^}} class 'Inner' <44:5>{{$}}
# CHECK-DAG: {{^}} n: local assigned{{$}}
# CHECK-DAG: {{^}} f: local assigned{{$}}
# CHECK: {{^}} function 'f' <47:9>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} Inner: global-implicit used{{$}}
# CHECK-DAG: {{^}} n: global-implicit used{{$}}
# CHECK: {{^}} function 'decorated_holder' <53:1>{{$}}
# CHECK-DAG: {{^}} deco: local param used{{$}}
# CHECK-DAG: {{^}} D: local assigned used{{$}}
# CHECK: {{^}} class 'D' <55:5>{{$}}
# CHECK-DAG: {{^}} s: local assigned{{$}}
# CHECK-DAG: {{^}} staticmethod: global-implicit used{{$}}
# CHECK-DAG: {{^}} p: local assigned{{$}}
# CHECK-DAG: {{^}} property: global-implicit used{{$}}
# CHECK: {{^}} function 's' <57:9>{{$}}
# CHECK: {{^}} function 'p' <61:9>{{$}}
# CHECK-DAG: {{^}} self: local param used{{$}}
# CHECK: {{^}} class 'Mangled' <67:1>{{$}}
# CHECK-DAG: {{^}} __private: local assigned{{$}}
# CHECK-DAG: {{^}} __dunder__: local assigned{{$}}
# CHECK-DAG: {{^}} m: local assigned{{$}}
# CHECK: {{^}} function 'm' <71:5>{{$}}
# CHECK-DAG: {{^}} self: local param used{{$}}
# CHECK-DAG: {{^}} __arg: local param used{{$}}
# CHECK-DAG: {{^}} __local: local assigned used{{$}}
# CHECK: {{^}} class 'GlobalInClass' <76:1>{{$}}
# CHECK-DAG: {{^}} declared_in_class: global assigned used declared-global{{$}}
# CHECK-DAG: {{^}} used_later: local assigned{{$}}

# Scope nesting (exact indentation).
# TREE:{{^}}module <1:1>{{$}}
# TREE:{{^}}  class 'Plain' <9:1>{{$}}
# TREE:{{^}}    function 'method' <13:5>{{$}}
# TREE:{{^}}    function '__init__' <16:5>{{$}}
# TREE:{{^}}  class 'Derived' <20:1>{{$}}
# TREE:{{^}}  function 'factory' <24:1>{{$}}
# TREE:{{^}}    class 'Made' <27:5>{{$}}
# TREE:{{^}}      function 'get' <31:9>{{$}}
# TREE:{{^}}  function 'class_free_in_body' <37:1>{{$}}
# TREE:{{^}}    class 'K' <38:5>{{$}}
# TREE:{{^}}  class 'Outer' <43:1>{{$}}
# TREE:{{^}}    class 'Inner' <44:5>{{$}}
# TREE:{{^}}      function 'f' <47:9>{{$}}
# TREE:{{^}}  function 'decorated_holder' <53:1>{{$}}
# TREE:{{^}}    class 'D' <55:5>{{$}}
# TREE:{{^}}      function 's' <57:9>{{$}}
# TREE:{{^}}      function 'p' <61:9>{{$}}
# TREE:{{^}}  class 'Mangled' <67:1>{{$}}
# TREE:{{^}}    function 'm' <71:5>{{$}}
# TREE:{{^}}  class 'GlobalInClass' <76:1>{{$}}

# Symbol lines in all: one per (scope, name) in CPython's tables, less .0.
# NSYM: {{^}}53{{$}}
# Class Mangled: MicroPython does not mangle private names (CPython's symtable
# has _Mangled__private etc.); Taipan follows MicroPython.
