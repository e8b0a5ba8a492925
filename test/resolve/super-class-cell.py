# RUN: %taipan compile --emit=scopes %s | FileCheck %s
# RUN: %taipan compile --emit=scopes %s | FileCheck --strict-whitespace --check-prefix=TREE %s
# RUN: %taipan compile --emit=scopes %s | grep -c ': ' | FileCheck --check-prefix=NSYM %s
# super() and __class__ in a method make __class__ free there (and in the
# functions in between) and give the class a __class__ cell.

class Base:
    def hello(self):
        return "base"


class Child(Base):
    def hello(self):
        return super().hello()

    def explicit(self):
        return __class__

    def nested(self):
        def inner():
            return super(Child, self)
        return inner

    def deeper(self):
        def level1():
            def level2():
                return __class__
            return level2
        return level1

    shadow = lambda self: super()


class NoCell(Base):
    def hello(self):
        return Base.hello(self)

    value = super


def module_function():
    return super()


def method_factory():
    class Local(Base):
        def hello(self):
            class Inner(Base):
                def hello(self):
                    return super().hello()
            return Inner
    return Local


class LocalSuper(Base):
    def hello(self):
        super = 1
        return super


class Comprehending(Base):
    def items(self):
        return [super().hello() for _ in range(2)]

# Expected output, derived from CPython 3.11 symtable for the code above.
# CHECK: {{^}}module <1:1>{{$}}
# CHECK-DAG: {{^}} Base: local assigned used{{$}}
# CHECK-DAG: {{^}} Child: local assigned{{$}}
# CHECK-DAG: {{^}} NoCell: local assigned{{$}}
# CHECK-DAG: {{^}} module_function: local assigned{{$}}
# CHECK-DAG: {{^}} method_factory: local assigned{{$}}
# CHECK-DAG: {{^}} LocalSuper: local assigned{{$}}
# CHECK-DAG: {{^}} Comprehending: local assigned{{$}}
# CHECK: {{^}} class 'Base' <7:1>{{$}}
# CHECK-DAG: {{^}} hello: local assigned{{$}}
# CHECK: {{^}} function 'hello' <8:5>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK: {{^}} class 'Child' <12:1> needs-class-cell{{$}}
# CHECK-DAG: {{^}} hello: local assigned{{$}}
# CHECK-DAG: {{^}} explicit: local assigned{{$}}
# CHECK-DAG: {{^}} nested: local assigned{{$}}
# CHECK-DAG: {{^}} deeper: local assigned{{$}}
# CHECK-DAG: {{^}} shadow: local assigned{{$}}
# CHECK: {{^}} function 'hello' <13:5>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} super: global-implicit used{{$}}
# CHECK-DAG: {{^}} __class__: free used{{$}}
# CHECK: {{^}} function 'explicit' <16:5>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} __class__: free used{{$}}
# CHECK: {{^}} function 'nested' <19:5>{{$}}
# CHECK-DAG: {{^}} self: cell param{{$}}
# CHECK-DAG: {{^}} inner: local assigned used{{$}}
# CHECK-DAG: {{^}} __class__: free{{$}}
# CHECK: {{^}} function 'inner' <20:9>{{$}}
# CHECK-DAG: {{^}} super: global-implicit used{{$}}
# CHECK-DAG: {{^}} __class__: free used{{$}}
# CHECK-DAG: {{^}} Child: global-implicit used{{$}}
# CHECK-DAG: {{^}} self: free used{{$}}
# CHECK: {{^}} function 'deeper' <24:5>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} level1: local assigned used{{$}}
# CHECK-DAG: {{^}} __class__: free{{$}}
# CHECK: {{^}} function 'level1' <25:9>{{$}}
# CHECK-DAG: {{^}} level2: local assigned used{{$}}
# CHECK-DAG: {{^}} __class__: free{{$}}
# CHECK: {{^}} function 'level2' <26:13>{{$}}
# CHECK-DAG: {{^}} __class__: free used{{$}}
# CHECK: {{^}} lambda <31:14>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} super: global-implicit used{{$}}
# CHECK-DAG: {{^}} __class__: free used{{$}}
# CHECK: {{^}} class 'NoCell' <34:1>{{$}}
# CHECK-DAG: {{^}} hello: local assigned{{$}}
# CHECK-DAG: {{^}} value: local assigned{{$}}
# CHECK-DAG: {{^}} super: global-implicit used{{$}}
# CHECK: {{^}} function 'hello' <35:5>{{$}}
# CHECK-DAG: {{^}} self: local param used{{$}}
# CHECK-DAG: {{^}} Base: global-implicit used{{$}}
# CHECK: {{^}} function 'module_function' <41:1>{{$}}
# CHECK-DAG: {{^}} super: global-implicit used{{$}}
# CHECK-DAG: {{^}} __class__: global-implicit used{{$}}
# CHECK: {{^}} function 'method_factory' <45:1>{{$}}
# CHECK-DAG: {{^}} Local: local assigned used{{$}}
# CHECK-DAG: {{^}} Base: global-implicit used{{$}}
# CHECK: {{^}} class 'Local' <46:5>{{$}}
# CHECK-DAG: {{^}} hello: local assigned{{$}}
# CHECK: {{^}} function 'hello' <47:9>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} Inner: local assigned used{{$}}
# CHECK-DAG: {{^}} Base: global-implicit used{{$}}
# CHECK: {{^}} class 'Inner' <48:13> needs-class-cell{{$}}
# CHECK-DAG: {{^}} hello: local assigned{{$}}
# CHECK: {{^}} function 'hello' <49:17>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} super: global-implicit used{{$}}
# CHECK-DAG: {{^}} __class__: free used{{$}}
# CHECK: {{^}} class 'LocalSuper' <55:1> needs-class-cell{{$}}
# CHECK-DAG: {{^}} hello: local assigned{{$}}
# CHECK: {{^}} function 'hello' <56:5>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} super: local assigned used{{$}}
# CHECK-DAG: {{^}} __class__: free used{{$}}
# CHECK: {{^}} class 'Comprehending' <61:1> needs-class-cell{{$}}
# CHECK-DAG: {{^}} items: local assigned{{$}}
# CHECK: {{^}} function 'items' <62:5>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} range: global-implicit used{{$}}
# CHECK-DAG: {{^}} __class__: free{{$}}
# CHECK: {{^}} comprehension ListComp <63:16>{{$}}
# CHECK-DAG: {{^}} _: local assigned iteration{{$}}
# CHECK-DAG: {{^}} super: global-implicit used{{$}}
# CHECK-DAG: {{^}} __class__: free used{{$}}

# Scope nesting (exact indentation).
# TREE:{{^}}module <1:1>{{$}}
# TREE:{{^}}  class 'Base' <7:1>{{$}}
# TREE:{{^}}    function 'hello' <8:5>{{$}}
# TREE:{{^}}  class 'Child' <12:1> needs-class-cell{{$}}
# TREE:{{^}}    function 'hello' <13:5>{{$}}
# TREE:{{^}}    function 'explicit' <16:5>{{$}}
# TREE:{{^}}    function 'nested' <19:5>{{$}}
# TREE:{{^}}      function 'inner' <20:9>{{$}}
# TREE:{{^}}    function 'deeper' <24:5>{{$}}
# TREE:{{^}}      function 'level1' <25:9>{{$}}
# TREE:{{^}}        function 'level2' <26:13>{{$}}
# TREE:{{^}}    lambda <31:14>{{$}}
# TREE:{{^}}  class 'NoCell' <34:1>{{$}}
# TREE:{{^}}    function 'hello' <35:5>{{$}}
# TREE:{{^}}  function 'module_function' <41:1>{{$}}
# TREE:{{^}}  function 'method_factory' <45:1>{{$}}
# TREE:{{^}}    class 'Local' <46:5>{{$}}
# TREE:{{^}}      function 'hello' <47:9>{{$}}
# TREE:{{^}}        class 'Inner' <48:13> needs-class-cell{{$}}
# TREE:{{^}}          function 'hello' <49:17>{{$}}
# TREE:{{^}}  class 'LocalSuper' <55:1> needs-class-cell{{$}}
# TREE:{{^}}    function 'hello' <56:5>{{$}}
# TREE:{{^}}  class 'Comprehending' <61:1> needs-class-cell{{$}}
# TREE:{{^}}    function 'items' <62:5>{{$}}
# TREE:{{^}}      comprehension ListComp <63:16>{{$}}

# Symbol lines in all: one per (scope, name) in CPython's tables, less .0.
# NSYM: {{^}}63{{$}}
