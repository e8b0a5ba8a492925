# RUN: %taipan compile --emit=scopes %s | FileCheck %s
# RUN: %taipan compile --emit=scopes %s | FileCheck --strict-whitespace --check-prefix=TREE %s
# RUN: %taipan compile --emit=scopes %s | grep -c ': ' | FileCheck --check-prefix=NSYM %s
# Closures: a name bound in a function and used by a nested one is a cell
# there and free in the nested scope (and in every function in between);
# defaults belong to the enclosing scope; class bodies pass free names on.

def outer(a, b=1):
    c = 2
    def middle():
        def inner():
            return a + c + d
        return inner
    d = 3
    return middle


def counter():
    count = 0
    def inc(step=count):
        nonlocal count
        count += step
        return count
    return inc


def shadow(x):
    def f(x):
        return x
    def g():
        return x
    return f, g


def augmented():
    n = 0
    def bump():
        m = 1
        m += n
        return m
    return bump


def lambdas(k):
    return lambda y, *rest, **opts: k + y + len(rest) + len(opts)


def deleted():
    v = 1
    def use():
        return v
    del v
    return use


def loops(items):
    fs = []
    for i in items:
        fs.append(lambda: i)
    with open(items) as fh, open(fs) as (p, q):
        fs.append(lambda: fh + p)
    try:
        pass
    except OSError as err:
        fs.append(lambda: err)
    return fs


def through_class(z):
    class Holder:
        def get(self):
            return z
        w = z
    return Holder


def unused_free():
    import os.path
    from sys import argv as av
    def inner():
        return os, av
    return inner

# Expected output, derived from CPython 3.11 symtable for the code above.
# CHECK: {{^}}module <1:1>{{$}}
# CHECK-DAG: {{^}} outer: local assigned{{$}}
# CHECK-DAG: {{^}} counter: local assigned{{$}}
# CHECK-DAG: {{^}} shadow: local assigned{{$}}
# CHECK-DAG: {{^}} augmented: local assigned{{$}}
# CHECK-DAG: {{^}} lambdas: local assigned{{$}}
# CHECK-DAG: {{^}} deleted: local assigned{{$}}
# CHECK-DAG: {{^}} loops: local assigned{{$}}
# CHECK-DAG: {{^}} through_class: local assigned{{$}}
# CHECK-DAG: {{^}} unused_free: local assigned{{$}}
# CHECK: {{^}} function 'outer' <8:1>{{$}}
# CHECK-DAG: {{^}} a: cell param{{$}}
# CHECK-DAG: {{^}} b: local param{{$}}
# CHECK-DAG: {{^}} c: cell assigned{{$}}
# CHECK-DAG: {{^}} middle: local assigned used{{$}}
# CHECK-DAG: {{^}} d: cell assigned{{$}}
# CHECK: {{^}} function 'middle' <10:5>{{$}}
# CHECK-DAG: {{^}} inner: local assigned used{{$}}
# CHECK-DAG: {{^}} a: free{{$}}
# CHECK-DAG: {{^}} d: free{{$}}
# CHECK-DAG: {{^}} c: free{{$}}
# CHECK: {{^}} function 'inner' <11:9>{{$}}
# CHECK-DAG: {{^}} a: free used{{$}}
# CHECK-DAG: {{^}} c: free used{{$}}
# CHECK-DAG: {{^}} d: free used{{$}}
# CHECK: {{^}} function 'counter' <18:1>{{$}}
# CHECK-DAG: {{^}} count: cell assigned used{{$}}
# CHECK-DAG: {{^}} inc: local assigned used{{$}}
# CHECK: {{^}} function 'inc' <20:5>{{$}}
# CHECK-DAG: {{^}} step: local param used{{$}}
# CHECK-DAG: {{^}} count: free assigned used declared-nonlocal{{$}}
# CHECK: {{^}} function 'shadow' <27:1>{{$}}
# CHECK-DAG: {{^}} x: cell param{{$}}
# CHECK-DAG: {{^}} f: local assigned used{{$}}
# CHECK-DAG: {{^}} g: local assigned used{{$}}
# CHECK: {{^}} function 'f' <28:5>{{$}}
# CHECK-DAG: {{^}} x: local param used{{$}}
# CHECK: {{^}} function 'g' <30:5>{{$}}
# CHECK-DAG: {{^}} x: free used{{$}}
# CHECK: {{^}} function 'augmented' <35:1>{{$}}
# CHECK-DAG: {{^}} n: cell assigned{{$}}
# CHECK-DAG: {{^}} bump: local assigned used{{$}}
# CHECK: {{^}} function 'bump' <37:5>{{$}}
# CHECK-DAG: {{^}} m: local assigned used{{$}}
# CHECK-DAG: {{^}} n: free used{{$}}
# CHECK: {{^}} function 'lambdas' <44:1>{{$}}
# CHECK-DAG: {{^}} k: cell param{{$}}
# CHECK: {{^}} lambda <45:12> varargs varkeywords{{$}}
# CHECK-DAG: {{^}} y: local param used{{$}}
# CHECK-DAG: {{^}} rest: local param used{{$}}
# CHECK-DAG: {{^}} opts: local param used{{$}}
# CHECK-DAG: {{^}} k: free used{{$}}
# CHECK-DAG: {{^}} len: global-implicit used{{$}}
# CHECK: {{^}} function 'deleted' <48:1>{{$}}
# CHECK-DAG: {{^}} v: cell assigned{{$}}
# CHECK-DAG: {{^}} use: local assigned used{{$}}
# CHECK: {{^}} function 'use' <50:5>{{$}}
# CHECK-DAG: {{^}} v: free used{{$}}
# CHECK: {{^}} function 'loops' <56:1>{{$}}
# CHECK-DAG: {{^}} items: local param used{{$}}
# CHECK-DAG: {{^}} fs: local assigned used{{$}}
# CHECK-DAG: {{^}} i: cell assigned{{$}}
# CHECK-DAG: {{^}} open: global-implicit used{{$}}
# CHECK-DAG: {{^}} fh: cell assigned{{$}}
# CHECK-DAG: {{^}} p: cell assigned{{$}}
# CHECK-DAG: {{^}} q: local assigned{{$}}
# CHECK-DAG: {{^}} OSError: global-implicit used{{$}}
# CHECK-DAG: {{^}} err: cell assigned{{$}}
# CHECK: {{^}} lambda <59:19>{{$}}
# CHECK-DAG: {{^}} i: free used{{$}}
# CHECK: {{^}} lambda <61:19>{{$}}
# CHECK-DAG: {{^}} fh: free used{{$}}
# CHECK-DAG: {{^}} p: free used{{$}}
# CHECK: {{^}} lambda <65:19>{{$}}
# CHECK-DAG: {{^}} err: free used{{$}}
# CHECK: {{^}} function 'through_class' <69:1>{{$}}
# CHECK-DAG: {{^}} z: cell param{{$}}
# CHECK-DAG: {{^}} Holder: local assigned used{{$}}
# CHECK: {{^}} class 'Holder' <70:5>{{$}}
# CHECK-DAG: {{^}} get: local assigned{{$}}
# CHECK-DAG: {{^}} w: local assigned{{$}}
# CHECK-DAG: {{^}} z: free used{{$}}
# CHECK: {{^}} function 'get' <71:9>{{$}}
# CHECK-DAG: {{^}} self: local param{{$}}
# CHECK-DAG: {{^}} z: free used{{$}}
# CHECK: {{^}} function 'unused_free' <77:1>{{$}}
# CHECK-DAG: {{^}} os: cell imported{{$}}
# CHECK-DAG: {{^}} av: cell imported{{$}}
# CHECK-DAG: {{^}} inner: local assigned used{{$}}
# CHECK: {{^}} function 'inner' <80:5>{{$}}
# CHECK-DAG: {{^}} os: free used{{$}}
# CHECK-DAG: {{^}} av: free used{{$}}

# Scope nesting (exact indentation).
# TREE:{{^}}module <1:1>{{$}}
# TREE:{{^}}  function 'outer' <8:1>{{$}}
# TREE:{{^}}    function 'middle' <10:5>{{$}}
# TREE:{{^}}      function 'inner' <11:9>{{$}}
# TREE:{{^}}  function 'counter' <18:1>{{$}}
# TREE:{{^}}    function 'inc' <20:5>{{$}}
# TREE:{{^}}  function 'shadow' <27:1>{{$}}
# TREE:{{^}}    function 'f' <28:5>{{$}}
# TREE:{{^}}    function 'g' <30:5>{{$}}
# TREE:{{^}}  function 'augmented' <35:1>{{$}}
# TREE:{{^}}    function 'bump' <37:5>{{$}}
# TREE:{{^}}  function 'lambdas' <44:1>{{$}}
# TREE:{{^}}    lambda <45:12> varargs varkeywords{{$}}
# TREE:{{^}}  function 'deleted' <48:1>{{$}}
# TREE:{{^}}    function 'use' <50:5>{{$}}
# TREE:{{^}}  function 'loops' <56:1>{{$}}
# TREE:{{^}}    lambda <59:19>{{$}}
# TREE:{{^}}    lambda <61:19>{{$}}
# TREE:{{^}}    lambda <65:19>{{$}}
# TREE:{{^}}  function 'through_class' <69:1>{{$}}
# TREE:{{^}}    class 'Holder' <70:5>{{$}}
# TREE:{{^}}      function 'get' <71:9>{{$}}
# TREE:{{^}}  function 'unused_free' <77:1>{{$}}
# TREE:{{^}}    function 'inner' <80:5>{{$}}

# Symbol lines in all: one per (scope, name) in CPython's tables, less .0.
# NSYM: {{^}}68{{$}}
