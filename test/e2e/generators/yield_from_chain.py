# RUN: %python %tools/run_e2e.py %taipan %s
# Chains of generators delegating with `yield from`. The runtime walks a
# chain of suspended generators down to the one that runs its own body and
# resumes only that one (runtime/generator.cpp ResumeDelegationChain): what
# the delegate returns or raises, what is sent or thrown in, close(), and
# re-entry must all behave as if each level ran its own yield from.


def leaf(n, log):
    for i in range(n):
        got = yield i
        if got is not None:
            log.append(("leaf got", got))
    return "leaf done"


def chain(depth, n, log):
    if depth == 0:
        result = yield from leaf(n, log)
    else:
        result = yield from chain(depth - 1, n, log)
    log.append((depth, result))
    return "level %d" % depth


# Values pass through every level; each level gets its delegate's return.
log = []
print(list(chain(5, 4, log)))
print(log)

# send() reaches the innermost generator through the chain.
log = []
g = chain(3, 5, log)
print(next(g), g.send("a"), g.send("b"), next(g))
print(log)


# A level that goes on yielding after its delegate returned.
def after(log):
    x = yield from leaf(2, log)
    yield "after " + x
    y = yield from leaf(1, log)
    yield "again " + y


print(list(after([])))


# The delegate raises: the level around it catches, and goes on.
def raises(n):
    for i in range(n):
        yield i
    raise ValueError("from the delegate")


def catches(depth):
    try:
        if depth == 0:
            yield from raises(2)
        else:
            yield from catches(depth - 1)
    except ValueError as e:
        yield "caught at %d: %s" % (depth, e)
    yield "end %d" % depth


print(list(catches(0)))
print(list(catches(3)))


# Not caught: it leaves every level.
def passes(depth):
    if depth == 0:
        yield from raises(3)
    else:
        yield from passes(depth - 1)


out = []
try:
    for v in passes(4):
        out.append(v)
except ValueError as e:
    out.append(str(e))
print(out)


# StopIteration raised in the innermost generator becomes RuntimeError there.
def stops():
    yield 1
    raise StopIteration("inner")


def wraps():
    yield from stops()
    yield "not reached"


g = wraps()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e)


# throw() while delegating goes to the innermost, which may yield on.
def tolerant():
    i = 0
    while True:
        try:
            yield i
        except ValueError as e:
            yield "handled %s" % e
        i += 1


def middle(depth):
    if depth == 0:
        yield from tolerant()
    else:
        yield from middle(depth - 1)


g = middle(3)
print(next(g), next(g), g.throw(ValueError("v")), next(g), next(g))
g.close()


# close() while delegating runs the finally blocks, innermost first.
def guarded(name, inner, log):
    try:
        if inner is None:
            yield name
            yield name + "2"
        else:
            yield from inner
    finally:
        log.append("finally " + name)


log = []
g = guarded("outer", guarded("mid", guarded("in", None, log), log), log)
print(next(g), log)
g.close()
print(log)
print(list(g))


# The innermost resumes the outermost while being stepped through it.
def reenter(holder):
    yield 1
    try:
        next(holder[0])
    except ValueError as e:
        yield "ValueError: " + str(e)


def outer_of(h):
    yield from reenter(h)


h = [None]
g = outer_of(h)
h[0] = g
print(next(g), next(g))


# The delegate runs on its own (resumed directly) and resumes the generator
# delegating to it: stepping it fails ("already executing") inside that
# generator's yield from, which catches it, and goes on.
def runs_alone(holder):
    yield 1
    yield next(holder[0])


def delegating(d):
    try:
        yield from d
    except ValueError as e:
        yield "delegating caught: " + str(e)
    yield "delegating ends"


h = [None]
d = runs_alone(h)
g = delegating(d)
h[0] = g
print(next(g), next(d), next(g))


# Delegating to iterators that are not generators, and to finished ones.
def mixed():
    yield from [1, 2]
    yield from iter(range(3, 5))
    done = leaf(0, [])
    r = yield from done
    yield r
    r = yield from done
    yield r


print(list(mixed()))

# Two consumers alternating over generators that share a delegate.
shared = leaf(6, [])


def reader(tag):
    yield from shared
    yield tag + " saw the end"


a, b = reader("a"), reader("b")
print(next(a), next(b), next(a), next(b), next(a), next(b), next(a), next(b))

# Levels in the middle of a chain that go on after their delegate returned,
# and delegate again.
def phases(depth, log):
    if depth == 0:
        yield "leaf"
        return "L"
    first = yield from phases(depth - 1, log)
    log.append((depth, first))
    yield "mid %d" % depth
    second = yield from phases(depth - 1, log)
    return "%d(%s,%s)" % (depth, first, second)


log = []
g = phases(3, log)
items = []
while True:
    try:
        items.append(next(g))
    except StopIteration as stop:
        items.append(stop.value)
        break
print(items)
print(log)


# The innermost resumes a level in the middle of the chain, which is
# executing while the chain is stepped.
def leaf_reenters(holder):
    yield 1
    try:
        next(holder[0])
    except ValueError as e:
        yield "leaf caught: " + str(e)
    yield 2


def mid_level(holder):
    yield from leaf_reenters(holder)
    yield "mid after"


def top_level(inner):
    yield from inner
    yield "top after"


h = [None]
m = mid_level(h)
h[0] = m
print(list(top_level(m)))

# A deep chain.
print(sum(chain(200, 50, [])))
