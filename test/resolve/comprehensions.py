# RUN: %taipan compile --emit=scopes %s | FileCheck %s
# RUN: %taipan compile --emit=scopes %s | FileCheck --strict-whitespace --check-prefix=TREE %s
# RUN: %taipan compile --emit=scopes %s | grep -c ': ' | FileCheck --check-prefix=NSYM %s
# Comprehensions are scopes of their own (CPython 3.11): the first iterable
# belongs to the enclosing scope, class names are not visible inside,
# and an async comprehension nested in a comprehension makes it a coroutine.

data = [1, 2, 3]
squares = [x * x for x in data]
evens = {x for x in data if x % 2 == 0}
mapping = {k: v for k, v in zip(data, data)}
total = sum(x for x in data)
nested = [[y for y in range(x)] for x in data]
pairs = [(a, b) for a in data for b in range(a) if a != b]


def in_function(seq, limit):
    scale = 2
    return [v * scale for v in seq if v < limit]


def first_iterable(rows):
    return [c for c in rows[0]]


class InClass:
    factor = 3
    values = [1, 2]
    scaled = [v * factor for v in values]
    gen = (w for w in values)


def lambda_inside(items):
    return [lambda: item for item in items]


def nested_free(m):
    return [[m + i + j for j in range(i)] for i in range(m)]


async def asynchronous(source):
    a = [r async for r in source]
    b = [await r for r in source]
    c = [[s async for s in source] for _ in range(2)]
    d = (t async for t in source)
    return a, b, c, d


def dict_with_lambdas(ks):
    return {(lambda: k): (lambda: k + 1) for k in ks}

# Expected output, derived from CPython 3.11 symtable for the code above.
# CHECK: {{^}}module <1:1>{{$}}
# CHECK-DAG: {{^}} data: local assigned used{{$}}
# CHECK-DAG: {{^}} squares: local assigned{{$}}
# CHECK-DAG: {{^}} evens: local assigned{{$}}
# CHECK-DAG: {{^}} mapping: local assigned{{$}}
# CHECK-DAG: {{^}} zip: global-implicit used{{$}}
# CHECK-DAG: {{^}} total: local assigned{{$}}
# CHECK-DAG: {{^}} sum: global-implicit used{{$}}
# CHECK-DAG: {{^}} nested: local assigned{{$}}
# CHECK-DAG: {{^}} pairs: local assigned{{$}}
# CHECK-DAG: {{^}} in_function: local assigned{{$}}
# CHECK-DAG: {{^}} first_iterable: local assigned{{$}}
# CHECK-DAG: {{^}} InClass: local assigned{{$}}
# CHECK-DAG: {{^}} lambda_inside: local assigned{{$}}
# CHECK-DAG: {{^}} nested_free: local assigned{{$}}
# CHECK-DAG: {{^}} asynchronous: local assigned{{$}}
# CHECK-DAG: {{^}} dict_with_lambdas: local assigned{{$}}
# CHECK: {{^}} comprehension ListComp <9:11>{{$}}
# CHECK-DAG: {{^}} x: local assigned used iteration{{$}}
# CHECK: {{^}} comprehension SetComp <10:9>{{$}}
# CHECK-DAG: {{^}} x: local assigned used iteration{{$}}
# CHECK: {{^}} comprehension DictComp <11:11>{{$}}
# CHECK-DAG: {{^}} k: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} v: local assigned used iteration{{$}}
# CHECK: {{^}} comprehension GeneratorExp <12:12> generator{{$}}
# CHECK-DAG: {{^}} x: local assigned used iteration{{$}}
# CHECK: {{^}} comprehension ListComp <13:10>{{$}}
# CHECK-DAG: {{^}} x: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} range: global-implicit used{{$}}
# CHECK: {{^}} comprehension ListComp <13:11>{{$}}
# CHECK-DAG: {{^}} y: local assigned used iteration{{$}}
# CHECK: {{^}} comprehension ListComp <14:9>{{$}}
# CHECK-DAG: {{^}} a: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} b: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} range: global-implicit used{{$}}
# CHECK: {{^}} function 'in_function' <17:1>{{$}}
# CHECK-DAG: {{^}} seq: local param used{{$}}
# CHECK-DAG: {{^}} limit: cell param{{$}}
# CHECK-DAG: {{^}} scale: cell assigned{{$}}
# CHECK: {{^}} comprehension ListComp <19:12>{{$}}
# CHECK-DAG: {{^}} v: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} limit: free used{{$}}
# CHECK-DAG: {{^}} scale: free used{{$}}
# CHECK: {{^}} function 'first_iterable' <22:1>{{$}}
# CHECK-DAG: {{^}} rows: local param used{{$}}
# CHECK: {{^}} comprehension ListComp <23:12>{{$}}
# CHECK-DAG: {{^}} c: local assigned used iteration{{$}}
# CHECK: {{^}} class 'InClass' <26:1>{{$}}
# CHECK-DAG: {{^}} factor: local assigned{{$}}
# CHECK-DAG: {{^}} values: local assigned used{{$}}
# CHECK-DAG: {{^}} scaled: local assigned{{$}}
# CHECK-DAG: {{^}} gen: local assigned{{$}}
# CHECK: {{^}} comprehension ListComp <29:14>{{$}}
# CHECK-DAG: {{^}} v: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} factor: global-implicit used{{$}}
# CHECK: {{^}} comprehension GeneratorExp <30:11> generator{{$}}
# CHECK-DAG: {{^}} w: local assigned used iteration{{$}}
# CHECK: {{^}} function 'lambda_inside' <33:1>{{$}}
# CHECK-DAG: {{^}} items: local param used{{$}}
# CHECK: {{^}} comprehension ListComp <34:12>{{$}}
# CHECK-DAG: {{^}} item: cell assigned iteration{{$}}
# CHECK: {{^}} lambda <34:13>{{$}}
# CHECK-DAG: {{^}} item: free used{{$}}
# CHECK: {{^}} function 'nested_free' <37:1>{{$}}
# CHECK-DAG: {{^}} m: cell param used{{$}}
# CHECK-DAG: {{^}} range: global-implicit used{{$}}
# CHECK: {{^}} comprehension ListComp <38:12>{{$}}
# CHECK-DAG: {{^}} i: cell assigned used iteration{{$}}
# CHECK-DAG: {{^}} range: global-implicit used{{$}}
# CHECK-DAG: {{^}} m: free{{$}}
# CHECK: {{^}} comprehension ListComp <38:13>{{$}}
# CHECK-DAG: {{^}} j: local assigned used iteration{{$}}
# CHECK-DAG: {{^}} m: free used{{$}}
# CHECK-DAG: {{^}} i: free used{{$}}
# CHECK: {{^}} function 'asynchronous' <41:1> coroutine{{$}}
# CHECK-DAG: {{^}} source: cell param used{{$}}
# CHECK-DAG: {{^}} a: local assigned used{{$}}
# CHECK-DAG: {{^}} b: local assigned used{{$}}
# CHECK-DAG: {{^}} c: local assigned used{{$}}
# CHECK-DAG: {{^}} range: global-implicit used{{$}}
# CHECK-DAG: {{^}} d: local assigned used{{$}}
# CHECK: {{^}} comprehension ListComp <42:9> coroutine{{$}}
# CHECK-DAG: {{^}} r: local assigned used iteration{{$}}
# CHECK: {{^}} comprehension ListComp <43:9> coroutine{{$}}
# CHECK-DAG: {{^}} r: local assigned used iteration{{$}}
# CHECK: {{^}} comprehension ListComp <44:9> coroutine{{$}}
# CHECK-DAG: {{^}} _: local assigned iteration{{$}}
# CHECK-DAG: {{^}} source: free used{{$}}
# CHECK: {{^}} comprehension ListComp <44:10> coroutine{{$}}
# CHECK-DAG: {{^}} s: local assigned used iteration{{$}}
# CHECK: {{^}} comprehension GeneratorExp <45:9> generator coroutine{{$}}
# CHECK-DAG: {{^}} t: local assigned used iteration{{$}}
# CHECK: {{^}} function 'dict_with_lambdas' <49:1>{{$}}
# CHECK-DAG: {{^}} ks: local param used{{$}}
# CHECK: {{^}} comprehension DictComp <50:12>{{$}}
# CHECK-DAG: {{^}} k: cell assigned iteration{{$}}
# CHECK: {{^}} lambda <50:27>{{$}}
# CHECK-DAG: {{^}} k: free used{{$}}
# CHECK: {{^}} lambda <50:14>{{$}}
# CHECK-DAG: {{^}} k: free used{{$}}

# Scope nesting (exact indentation).
# TREE:{{^}}module <1:1>{{$}}
# TREE:{{^}}  comprehension ListComp <9:11>{{$}}
# TREE:{{^}}  comprehension SetComp <10:9>{{$}}
# TREE:{{^}}  comprehension DictComp <11:11>{{$}}
# TREE:{{^}}  comprehension GeneratorExp <12:12> generator{{$}}
# TREE:{{^}}  comprehension ListComp <13:10>{{$}}
# TREE:{{^}}    comprehension ListComp <13:11>{{$}}
# TREE:{{^}}  comprehension ListComp <14:9>{{$}}
# TREE:{{^}}  function 'in_function' <17:1>{{$}}
# TREE:{{^}}    comprehension ListComp <19:12>{{$}}
# TREE:{{^}}  function 'first_iterable' <22:1>{{$}}
# TREE:{{^}}    comprehension ListComp <23:12>{{$}}
# TREE:{{^}}  class 'InClass' <26:1>{{$}}
# TREE:{{^}}    comprehension ListComp <29:14>{{$}}
# TREE:{{^}}    comprehension GeneratorExp <30:11> generator{{$}}
# TREE:{{^}}  function 'lambda_inside' <33:1>{{$}}
# TREE:{{^}}    comprehension ListComp <34:12>{{$}}
# TREE:{{^}}      lambda <34:13>{{$}}
# TREE:{{^}}  function 'nested_free' <37:1>{{$}}
# TREE:{{^}}    comprehension ListComp <38:12>{{$}}
# TREE:{{^}}      comprehension ListComp <38:13>{{$}}
# TREE:{{^}}  function 'asynchronous' <41:1> coroutine{{$}}
# TREE:{{^}}    comprehension ListComp <42:9> coroutine{{$}}
# TREE:{{^}}    comprehension ListComp <43:9> coroutine{{$}}
# TREE:{{^}}    comprehension ListComp <44:9> coroutine{{$}}
# TREE:{{^}}      comprehension ListComp <44:10> coroutine{{$}}
# TREE:{{^}}    comprehension GeneratorExp <45:9> generator coroutine{{$}}
# TREE:{{^}}  function 'dict_with_lambdas' <49:1>{{$}}
# TREE:{{^}}    comprehension DictComp <50:12>{{$}}
# TREE:{{^}}      lambda <50:27>{{$}}
# TREE:{{^}}      lambda <50:14>{{$}}

# Symbol lines in all: one per (scope, name) in CPython's tables, less .0.
# NSYM: {{^}}69{{$}}
