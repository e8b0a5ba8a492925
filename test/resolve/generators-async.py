# RUN: %taipan compile --emit=scopes %s | FileCheck %s
# RUN: %taipan compile --emit=scopes %s | FileCheck --strict-whitespace --check-prefix=TREE %s
# RUN: %taipan compile --emit=scopes %s | grep -c ': ' | FileCheck --check-prefix=NSYM %s
# Scope flags: generator, coroutine (async def, await, async for),
# varargs, varkeywords.

def gen(n):
    for i in range(n):
        yield i


def delegating(it):
    result = yield from it
    return result


lazy = lambda: (yield)


async def coroutine(x):
    return await x


async def async_gen(source):
    async for item in source:
        yield item


async def async_with(manager):
    async with manager as m:
        return m


async def comprehension_await(items):
    return [await i for i in items]


async def async_genexpr(items):
    return (await i for i in items)


def plain_genexpr(items):
    return (i for i in items)


def varargs(*args, **kwargs):
    return args, kwargs


def kwonly(a, *, b, c=1):
    return a, b, c


def posonly(a, b, /, c):
    return a + b + c


def gen_in_nested():
    def inner():
        yield 1
    return inner

# Expected output, derived from CPython 3.11 symtable for the code above.
# CHECK: {{^}}module <1:1>{{$}}
# CHECK-DAG: {{^}} gen: local assigned{{$}}
# CHECK-DAG: {{^}} delegating: local assigned{{$}}
# CHECK-DAG: {{^}} lazy: local assigned{{$}}
# CHECK-DAG: {{^}} coroutine: local assigned{{$}}
# CHECK-DAG: {{^}} async_gen: local assigned{{$}}
# CHECK-DAG: {{^}} async_with: local assigned{{$}}
# CHECK-DAG: {{^}} comprehension_await: local assigned{{$}}
# CHECK-DAG: {{^}} async_genexpr: local assigned{{$}}
# CHECK-DAG: {{^}} plain_genexpr: local assigned{{$}}
# CHECK-DAG: {{^}} varargs: local assigned{{$}}
# CHECK-DAG: {{^}} kwonly: local assigned{{$}}
# CHECK-DAG: {{^}} posonly: local assigned{{$}}
# CHECK-DAG: {{^}} gen_in_nested: local assigned{{$}}
# CHECK: {{^}} function 'gen' <7:1> generator{{$}}
# CHECK-DAG: {{^}} n: local param used{{$}}
# CHECK-DAG: {{^}} i: local assigned used{{$}}
# CHECK-DAG: {{^}} range: global-implicit used{{$}}
# CHECK: {{^}} function 'delegating' <12:1> generator{{$}}
# CHECK-DAG: {{^}} it: local param used{{$}}
# CHECK-DAG: {{^}} result: local assigned used{{$}}
# CHECK: {{^}} lambda <17:8> generator{{$}}
# CHECK: {{^}} function 'coroutine' <20:1> coroutine{{$}}
# CHECK-DAG: {{^}} x: local param used{{$}}
# CHECK: {{^}} function 'async_gen' <24:1> generator coroutine{{$}}
# CHECK-DAG: {{^}} source: local param used{{$}}
# CHECK-DAG: {{^}} item: local assigned used{{$}}
# CHECK: {{^}} function 'async_with' <29:1> coroutine{{$}}
# CHECK-DAG: {{^}} manager: local param used{{$}}
# CHECK-DAG: {{^}} m: local assigned used{{$}}
# CHECK: {{^}} function 'comprehension_await' <34:1> coroutine{{$}}
# CHECK-DAG: {{^}} items: local param used{{$}}
# CHECK: {{^}} comprehension ListComp <35:12> coroutine{{$}}
# CHECK-DAG: {{^}} i: local assigned used iteration{{$}}
# CHECK: {{^}} function 'async_genexpr' <38:1> coroutine{{$}}
# CHECK-DAG: {{^}} items: local param used{{$}}
# CHECK: {{^}} comprehension GeneratorExp <39:12> generator coroutine{{$}}
# CHECK-DAG: {{^}} i: local assigned used iteration{{$}}
# CHECK: {{^}} function 'plain_genexpr' <42:1>{{$}}
# CHECK-DAG: {{^}} items: local param used{{$}}
# CHECK: {{^}} comprehension GeneratorExp <43:12> generator{{$}}
# CHECK-DAG: {{^}} i: local assigned used iteration{{$}}
# CHECK: {{^}} function 'varargs' <46:1> varargs varkeywords{{$}}
# CHECK-DAG: {{^}} args: local param used{{$}}
# CHECK-DAG: {{^}} kwargs: local param used{{$}}
# CHECK: {{^}} function 'kwonly' <50:1>{{$}}
# CHECK-DAG: {{^}} a: local param used{{$}}
# CHECK-DAG: {{^}} b: local param used{{$}}
# CHECK-DAG: {{^}} c: local param used{{$}}
# CHECK: {{^}} function 'posonly' <54:1>{{$}}
# CHECK-DAG: {{^}} a: local param used{{$}}
# CHECK-DAG: {{^}} b: local param used{{$}}
# CHECK-DAG: {{^}} c: local param used{{$}}
# CHECK: {{^}} function 'gen_in_nested' <58:1>{{$}}
# CHECK-DAG: {{^}} inner: local assigned used{{$}}
# CHECK: {{^}} function 'inner' <59:5> generator{{$}}

# Scope nesting (exact indentation).
# TREE:{{^}}module <1:1>{{$}}
# TREE:{{^}}  function 'gen' <7:1> generator{{$}}
# TREE:{{^}}  function 'delegating' <12:1> generator{{$}}
# TREE:{{^}}  lambda <17:8> generator{{$}}
# TREE:{{^}}  function 'coroutine' <20:1> coroutine{{$}}
# TREE:{{^}}  function 'async_gen' <24:1> generator coroutine{{$}}
# TREE:{{^}}  function 'async_with' <29:1> coroutine{{$}}
# TREE:{{^}}  function 'comprehension_await' <34:1> coroutine{{$}}
# TREE:{{^}}    comprehension ListComp <35:12> coroutine{{$}}
# TREE:{{^}}  function 'async_genexpr' <38:1> coroutine{{$}}
# TREE:{{^}}    comprehension GeneratorExp <39:12> generator coroutine{{$}}
# TREE:{{^}}  function 'plain_genexpr' <42:1>{{$}}
# TREE:{{^}}    comprehension GeneratorExp <43:12> generator{{$}}
# TREE:{{^}}  function 'varargs' <46:1> varargs varkeywords{{$}}
# TREE:{{^}}  function 'kwonly' <50:1>{{$}}
# TREE:{{^}}  function 'posonly' <54:1>{{$}}
# TREE:{{^}}  function 'gen_in_nested' <58:1>{{$}}
# TREE:{{^}}    function 'inner' <59:5> generator{{$}}

# Symbol lines in all: one per (scope, name) in CPython's tables, less .0.
# NSYM: {{^}}38{{$}}
