# RUN: %taipan compile --emit=scopes %s | FileCheck %s
# RUN: %taipan compile --emit=scopes %s | FileCheck --strict-whitespace --check-prefix=TREE %s
# RUN: %taipan compile --emit=scopes %s | grep -c ': ' | FileCheck --check-prefix=NSYM %s
# match statements: capture patterns, as-patterns, star and **rest bind;
# value patterns and class names are uses; `_` binds nothing.

match command:
    case [first, *rest]:
        pass
    case {"key": value, **others}:
        pass
    case Point(x=px, y=py) as point:
        pass
    case (1 | 2) as small:
        pass
    case _:
        pass


def handle(subject):
    match subject:
        case {"type": kind, "items": [*items]} if kind == expected:
            return kind, items
        case [int(number), str() as text]:
            return number, text
        case Color.RED:
            return None
        case [_, *_]:
            return subject
        case other:
            return other


def capture_free(subject):
    match subject:
        case (left, right):
            pass
    return lambda: left + right

# Expected output, derived from CPython 3.11 symtable for the code above.
# CHECK: {{^}}module <1:1>{{$}}
# CHECK-DAG: {{^}} command: global-implicit used{{$}}
# CHECK-DAG: {{^}} first: local assigned{{$}}
# CHECK-DAG: {{^}} rest: local assigned{{$}}
# CHECK-DAG: {{^}} value: local assigned{{$}}
# CHECK-DAG: {{^}} others: local assigned{{$}}
# CHECK-DAG: {{^}} Point: global-implicit used{{$}}
# CHECK-DAG: {{^}} px: local assigned{{$}}
# CHECK-DAG: {{^}} py: local assigned{{$}}
# CHECK-DAG: {{^}} point: local assigned{{$}}
# CHECK-DAG: {{^}} small: local assigned{{$}}
# CHECK-DAG: {{^}} handle: local assigned{{$}}
# CHECK-DAG: {{^}} capture_free: local assigned{{$}}
# CHECK: {{^}} function 'handle' <20:1>{{$}}
# CHECK-DAG: {{^}} subject: local param used{{$}}
# CHECK-DAG: {{^}} kind: local assigned used{{$}}
# CHECK-DAG: {{^}} items: local assigned used{{$}}
# CHECK-DAG: {{^}} expected: global-implicit used{{$}}
# CHECK-DAG: {{^}} int: global-implicit used{{$}}
# CHECK-DAG: {{^}} number: local assigned used{{$}}
# CHECK-DAG: {{^}} str: global-implicit used{{$}}
# CHECK-DAG: {{^}} text: local assigned used{{$}}
# CHECK-DAG: {{^}} Color: global-implicit used{{$}}
# CHECK-DAG: {{^}} other: local assigned used{{$}}
# CHECK: {{^}} function 'capture_free' <34:1>{{$}}
# CHECK-DAG: {{^}} subject: local param used{{$}}
# CHECK-DAG: {{^}} left: cell assigned{{$}}
# CHECK-DAG: {{^}} right: cell assigned{{$}}
# CHECK: {{^}} lambda <38:12>{{$}}
# CHECK-DAG: {{^}} left: free used{{$}}
# CHECK-DAG: {{^}} right: free used{{$}}

# Scope nesting (exact indentation).
# TREE:{{^}}module <1:1>{{$}}
# TREE:{{^}}  function 'handle' <20:1>{{$}}
# TREE:{{^}}  function 'capture_free' <34:1>{{$}}
# TREE:{{^}}    lambda <38:12>{{$}}

# Symbol lines in all: one per (scope, name) in CPython's tables, less .0.
# NSYM: {{^}}27{{$}}
