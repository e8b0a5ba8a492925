# RUN: %taipan compile --emit=scopes %s | FileCheck %s
# RUN: %taipan compile --emit=scopes %s | FileCheck --strict-whitespace --check-prefix=TREE %s
# RUN: %taipan compile --emit=scopes %s | grep -c ': ' | FileCheck --check-prefix=NSYM %s
# global and nonlocal: a `global` in any function also marks the name
# declared-global (and global) in the module table, adding it if needed.

counter = 0


def increment():
    global counter
    counter += 1
    return counter


def declare_only():
    global never_assigned_at_module
    never_assigned_at_module = 1


def read_global():
    return counter + undefined_name


def outer():
    value = 1

    def middle():
        def inner():
            nonlocal value
            value = 2
            return value
        return inner

    return middle


def nested_global():
    def inner():
        global counter
        return counter
    counter = 5
    return inner, counter


def param_nonlocal(p):
    def set_p():
        nonlocal p
        p = 0
    return set_p


def delete_global():
    global counter
    del counter


def global_import():
    global json
    import json
    return json


class C:
    def method(self):
        global counter
        counter = 3

    def uses_nonlocal_of_function(self):
        return self


def function_with_class():
    x = 1

    class D:
        def m(self):
            nonlocal x
            x = 2
    return D

# Expected output, derived from CPython 3.11 symtable for the code above.
# CHECK: {{^}}module <1:1>{{$}}
# CHECK-DAG: {{^}} counter: global assigned declared-global{{$}}
# CHECK-DAG: {{^}} increment: local assigned{{$}}
# CHECK-DAG: {{^}} declare_only: local assigned{{$}}
# CHECK-DAG: {{^}} never_assigned_at_module: global declared-global{{$}}
# CHECK-DAG: {{^}} read_global: local assigned{{$}}
# CHECK-DAG: {{^}} outer: local assigned{{$}}
# CHECK-DAG: {{^}} nested_global: local assigned{{$}}
# CHECK-DAG: {{^}} param_nonlocal: local assigned{{$}}
# CHECK-DAG: {{^}} delete_global: local assigned{{$}}
# CHECK-DAG: {{^}} global_import: local assigned{{$}}
# CHECK-DAG: {{^}} json: global declared-global{{$}}
# CHECK-DAG: {{^}} C: local assigned{{$}}
# CHECK-DAG: {{^}} function_with_class: local assigned{{$}}
# CHECK: {{^}} function 'increment' <10:1>{{$}}
# CHECK-DAG: {{^}} counter: global assigned used declared-global{{$}}
# CHECK: {{^}} function 'declare_only' <16:1>{{$}}
# CHECK-DAG: {{^}} never_assigned_at_module: global assigned declared-global{{$}}
# CHECK: {{^}} function 'read_global' <21:1>{{$}}
# CHECK-DAG: {{^}} counter: global-implicit used{{$}}
# CHECK-DAG: {{^}} undefined_name: global-implicit used{{$}}
# CHECK: {{^}} function 'outer' <25:1>{{$}}
# CHECK-DAG: {{^}} value: cell assigned{{$}}
# CHECK-DAG: {{^}} middle: local assigned used{{$}}
# CHECK: {{^}} function 'middle' <28:5>{{$}}
# CHECK-DAG: {{^}} inner: local assigned used{{$}}
# CHECK-DAG: {{^}} value: free{{$}}
# CHECK: {{^}} function 'inner' <29:9>{{$}}
# CHECK-DAG: {{^}} value: free assigned used declared-nonlocal{{$}}
# CHECK: {{^}} function 'nested_global' <38:1>{{$}}
# CHECK-DAG: {{^}} inner: local assigned used{{$}}
# CHECK-DAG: {{^}} counter: local assigned used{{$}}
# CHECK: {{^}} function 'inner' <39:5>{{$}}
# CHECK-DAG: {{^}} counter: global used declared-global{{$}}
# CHECK: {{^}} function 'param_nonlocal' <46:1>{{$}}
# CHECK-DAG: {{^}} p: cell param{{$}}
# CHECK-DAG: {{^}} set_p: local assigned used{{$}}
# CHECK: {{^}} function 'set_p' <47:5>{{$}}
# CHECK-DAG: {{^}} p: free assigned declared-nonlocal{{$}}
# CHECK: {{^}} function 'delete_global' <53:1>{{$}}
# CHECK-DAG: {{^}} counter: global assigned declared-global{{$}}
# CHECK: {{^}} function 'global_import' <58:1>{{$}}
# CHECK-DAG: {{^}} json: global used declared-global imported{{$}}
# CHECK: {{^}} class 'C' <64:1>{{$}}
# CHECK-DAG: {{^}} method: local assigned{{$}}
# CHECK-DAG: {{^}} uses_nonlocal_of_function: local assigned{{$}}
# CHECK: {{^}} function 'method' <65:5>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} counter: global assigned declared-global{{$}}
# CHECK: {{^}} function 'uses_nonlocal_of_function' <69:5>{{$}}
# CHECK-DAG: {{^}} self: local param used{{$}}
# CHECK: {{^}} function 'function_with_class' <73:1>{{$}}
# CHECK-DAG: {{^}} x: cell assigned{{$}}
# CHECK-DAG: {{^}} D: local assigned used{{$}}
# CHECK: {{^}} class 'D' <76:5>{{$}}
# CHECK-DAG: {{^}} m: local assigned{{$}}
# CHECK-DAG: {{^}} x: free{{$}}
# CHECK: {{^}} function 'm' <77:9>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} x: free assigned declared-nonlocal{{$}}

# Scope nesting (exact indentation).
# TREE:{{^}}module <1:1>{{$}}
# TREE:{{^}}  function 'increment' <10:1>{{$}}
# TREE:{{^}}  function 'declare_only' <16:1>{{$}}
# TREE:{{^}}  function 'read_global' <21:1>{{$}}
# TREE:{{^}}  function 'outer' <25:1>{{$}}
# TREE:{{^}}    function 'middle' <28:5>{{$}}
# TREE:{{^}}      function 'inner' <29:9>{{$}}
# TREE:{{^}}  function 'nested_global' <38:1>{{$}}
# TREE:{{^}}    function 'inner' <39:5>{{$}}
# TREE:{{^}}  function 'param_nonlocal' <46:1>{{$}}
# TREE:{{^}}    function 'set_p' <47:5>{{$}}
# TREE:{{^}}  function 'delete_global' <53:1>{{$}}
# TREE:{{^}}  function 'global_import' <58:1>{{$}}
# TREE:{{^}}  class 'C' <64:1>{{$}}
# TREE:{{^}}    function 'method' <65:5>{{$}}
# TREE:{{^}}    function 'uses_nonlocal_of_function' <69:5>{{$}}
# TREE:{{^}}  function 'function_with_class' <73:1>{{$}}
# TREE:{{^}}    class 'D' <76:5>{{$}}
# TREE:{{^}}      function 'm' <77:9>{{$}}

# Symbol lines in all: one per (scope, name) in CPython's tables, less .0.
# NSYM: {{^}}41{{$}}
