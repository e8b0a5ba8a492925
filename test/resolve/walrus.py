# RUN: %taipan compile --emit=scopes %s | FileCheck %s
# RUN: %taipan compile --emit=scopes %s | FileCheck --strict-whitespace --check-prefix=TREE %s
# RUN: %taipan compile --emit=scopes %s | grep -c ': ' | FileCheck --check-prefix=NSYM %s
# Assignment expressions: in a comprehension the target binds in the nearest
# function or module scope; the comprehension sees it as free (or global)
# and also assigned.

if (n := 10) > 5:
    pass

matches = [y for x in range(5) if (y := x * 2)]


def in_function(data):
    if (m := len(data)) > 3:
        return m
    return [last := d for d in data], last


def in_nested(data):
    return [[(found := v) for v in row] for row in data], found


def with_global(items):
    global latest
    return [latest := i for i in items]


def with_nonlocal():
    tally = 0

    def add(items):
        nonlocal tally
        return [tally := tally + i for i in items]

    return add


def in_lambda():
    return lambda q: (r := q + 1) + r


def in_genexpr(seq):
    return any((hit := s) for s in seq), hit

# Expected output, derived from CPython 3.11 symtable for the code above.
# CHECK: {{^}}module <1:1>{{$}}
# CHECK-DAG: {{^}} n: local assigned{{$}}
# CHECK-DAG: {{^}} matches: local assigned{{$}}
# CHECK-DAG: {{^}} range: global-implicit used{{$}}
# CHECK-DAG: {{^}} y: global declared-global{{$}}
# CHECK-DAG: {{^}} in_function: local assigned{{$}}
# CHECK-DAG: {{^}} in_nested: local assigned{{$}}
# CHECK-DAG: {{^}} with_global: local assigned{{$}}
# CHECK-DAG: {{^}} latest: global declared-global{{$}}
# CHECK-DAG: {{^}} with_nonlocal: local assigned{{$}}
# CHECK-DAG: {{^}} in_lambda: local assigned{{$}}
# CHECK-DAG: {{^}} in_genexpr: local assigned{{$}}
# CHECK: {{^}} comprehension ListComp <11:11>{{$}}
# CHECK-DAG: {{^}} x: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} y: global assigned used declared-global{{$}}
# CHECK: {{^}} function 'in_function' <14:1>{{$}}
# CHECK-DAG: {{^}} data: local param used{{$}}
# CHECK-DAG: {{^}} len: global-implicit used{{$}}
# CHECK-DAG: {{^}} m: local assigned used{{$}}
# CHECK-DAG: {{^}} last: cell assigned used{{$}}
# CHECK: {{^}} comprehension ListComp <17:12>{{$}}
# CHECK-DAG: {{^}} d: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} last: free assigned declared-nonlocal{{$}}
# CHECK: {{^}} function 'in_nested' <20:1>{{$}}
# CHECK-DAG: {{^}} data: local param used{{$}}
# CHECK-DAG: {{^}} found: cell assigned used{{$}}
# CHECK: {{^}} comprehension ListComp <21:12>{{$}}
# CHECK-DAG: {{^}} row: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} found: free{{$}}
# CHECK: {{^}} comprehension ListComp <21:13>{{$}}
# CHECK-DAG: {{^}} v: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} found: free assigned declared-nonlocal{{$}}
# CHECK: {{^}} function 'with_global' <24:1>{{$}}
# CHECK-DAG: {{^}} items: local param used{{$}}
# CHECK-DAG: {{^}} latest: global assigned declared-global{{$}}
# CHECK: {{^}} comprehension ListComp <26:12>{{$}}
# CHECK-DAG: {{^}} i: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} latest: global assigned declared-global{{$}}
# CHECK: {{^}} function 'with_nonlocal' <29:1>{{$}}
# CHECK-DAG: {{^}} tally: cell assigned{{$}}
# CHECK-DAG: {{^}} add: local assigned used{{$}}
# CHECK: {{^}} function 'add' <32:5>{{$}}
# CHECK-DAG: {{^}} items: local param used{{$}}
# CHECK-DAG: {{^}} tally: free assigned declared-nonlocal{{$}}
# CHECK: {{^}} comprehension ListComp <34:16>{{$}}
# CHECK-DAG: {{^}} i: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} tally: free assigned used declared-nonlocal{{$}}
# CHECK: {{^}} function 'in_lambda' <39:1>{{$}}
# CHECK: {{^}} lambda <40:12>{{$}}
# CHECK-DAG: {{^}} q: local param used{{$}}
# CHECK-DAG: {{^}} r: local assigned used{{$}}
# CHECK: {{^}} function 'in_genexpr' <43:1>{{$}}
# CHECK-DAG: {{^}} seq: local param used{{$}}
# CHECK-DAG: {{^}} any: global-implicit used{{$}}
# CHECK-DAG: {{^}} hit: cell assigned used{{$}}
# CHECK: {{^}} comprehension GeneratorExp <44:15> generator{{$}}
# CHECK-DAG: {{^}} s: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} hit: free assigned declared-nonlocal{{$}}

# Scope nesting (exact indentation).
# TREE:{{^}}module <1:1>{{$}}
# TREE:{{^}}  comprehension ListComp <11:11>{{$}}
# TREE:{{^}}  function 'in_function' <14:1>{{$}}
# TREE:{{^}}    comprehension ListComp <17:12>{{$}}
# TREE:{{^}}  function 'in_nested' <20:1>{{$}}
# TREE:{{^}}    comprehension ListComp <21:12>{{$}}
# TREE:{{^}}      comprehension ListComp <21:13>{{$}}
# TREE:{{^}}  function 'with_global' <24:1>{{$}}
# TREE:{{^}}    comprehension ListComp <26:12>{{$}}
# TREE:{{^}}  function 'with_nonlocal' <29:1>{{$}}
# TREE:{{^}}    function 'add' <32:5>{{$}}
# TREE:{{^}}      comprehension ListComp <34:16>{{$}}
# TREE:{{^}}  function 'in_lambda' <39:1>{{$}}
# TREE:{{^}}    lambda <40:12>{{$}}
# TREE:{{^}}  function 'in_genexpr' <43:1>{{$}}
# TREE:{{^}}    comprehension GeneratorExp <44:15> generator{{$}}

# Symbol lines in all: one per (scope, name) in CPython's tables, less .0.
# NSYM: {{^}}42{{$}}
