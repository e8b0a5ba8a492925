# RUN: %python %tools/run_e2e.py %taipan %s
# Innermost loops with int operations run a speculative copy in which every
# int local is a small int: it is entered when the int locals the loop reads
# are small, and it leaves for the generic copy of the loop at an overflow,
# a big int stored into a local or received from a for loop, a store into a
# list that the runtime must do, or an iterator that is not a list. The
# generic copy goes on from that point with every value computed before it,
# effects happen once, and the next iteration may enter the speculative copy
# again.

log = []


def note(x):
    log.append(x)
    return x


def grows_past_small(n):
    # Overflows mid-loop (2**62 and on are big ints on a 64-bit host).
    x = 1
    steps = 0
    while steps < n:
        x = x * 3 + 1
        steps += 1
    return x, steps


def starts_big(start, n):
    # A big int on entry: the generic copy runs from the first iteration.
    total = start
    for i in range(n):
        total += i
    return total


def big_then_small(values):
    # Each big item leaves for the generic copy; the next small one returns.
    count = 0
    small = 0
    for v in values:
        count += 1
        if v < 1000:
            small += v
    return count, small


def shrinking(x):
    # From a big int down to small ones, by floor division.
    steps = 0
    while x > 1:
        x //= 7
        steps += 1
    return x, steps


def effects_once(n):
    # Calls before and after the overflowing operation happen once each.
    acc = 2**61
    i = 0
    while i < n:
        note(i)
        acc = acc + acc
        note(-i)
        i += 1
    return acc


def through_generator(n):
    # Not a list: every item comes through the iterator protocol.
    total = 0
    count = 0
    for v in (k * k for k in range(n)):
        total += v
        count += 1
    return total, count


def store_into_floats(xs):
    # A list of raw floats given an int: the runtime stores it (and boxes the
    # list), and the loop goes on.
    for i in range(len(xs)):
        if i == 2:
            xs[i] = 7
        else:
            xs[i] = xs[i] * 2.0
    return xs


def sieve(limit):
    flags = [True] * limit
    flags[0] = flags[1] = False
    i = 2
    while i * i < limit:
        if flags[i]:
            j = i * i
            while j < limit:
                flags[j] = False
                j += i
        i += 1
    primes = []
    for n in range(limit):
        if flags[n]:
            primes.append(n)
    return primes


def index_error_inside(xs):
    i = 0
    total = 0
    try:
        while True:
            total += xs[i]
            i += 1
    except IndexError:
        return i, total


def continue_and_break(n):
    odd = 0
    i = 0
    while True:
        i += 1
        if i > n:
            break
        if i % 2 == 0:
            continue
        odd += i
    return odd


def negative_steps(n):
    total = 0
    for i in range(n, -n, -3):
        total -= i
    return total


def in_generator(n):
    i = 0
    while i < n:
        i += 1
    yield i
    acc = 1
    for k in range(n):
        acc = acc * 2 + k
    yield acc


def bool_locals(n):
    # Bools mixed with ints in the loop.
    flag = False
    count = 0
    for i in range(n):
        flag = not flag
        count += flag
    return count, flag


def counters_at_the_edges():
    # A range's counter steps by one without an overflow test in the
    # speculative copy: its end is a small int there (2**62 - 1 is the
    # largest on a 64-bit host; a bigger end runs the generic copy).
    seen = []
    for i in range(2**62 - 4, 2**62 - 1):
        seen.append(i - 2**62)
    for i in range(-(2**62) + 2, -(2**62) - 1, -1):
        seen.append(i + 2**62)
    for i in range(2**62 - 2, 2**62 + 2):
        seen.append(i - 2**62)
    total = 0
    for i in range(2**31 - 3, 2**31 + 3):
        total += i
    return seen, total


def from_the_end(xs):
    # Negative indices count from the end; reads and writes in one loop.
    n = len(xs)
    for i in range(n):
        xs[-1 - i] = xs[-1 - i] + xs[i]
    return xs


class Grows:
    # Truth of an item appends to the list being read: the loop must read
    # the list's length and items again after it.
    def __init__(self, items):
        self.items = items

    def __bool__(self):
        self.items.append(self)
        return True


def count_truthy(items, n):
    count = 0
    for k in range(n):
        if items[k]:
            count += 1
    return count


def count_truthy_flags(flags):
    count = 0
    for k in range(len(flags)):
        if flags[k]:
            count += k
    return count


def push(items, x):
    items.append(x)
    return x


def weight(i, j):
    return (i + j) * (i + j + 1) // 2 + 1


def sum_pushing(items, n):
    # A direct call that appends: the length is read again after it.
    total = 0
    for k in range(n):
        total += items[k] + push(items, k)
    return total


def weighted(xs):
    # A direct call that only computes with numbers leaves the list alone.
    total = 0.0
    for k in range(len(xs)):
        total += xs[k] / weight(k, 3)
    return total


growing = []
growing.append(Grows(growing))
print(count_truthy(growing, 40), len(growing))
print(sum_pushing([5], 30), weighted([1.0, 2.0, 3, True, 5.5]))
print(count_truthy_flags([k % 3 == 0 for k in range(30)]))

print(grows_past_small(50))
print(counters_at_the_edges())
print(from_the_end([1, 2, 3, 4, 5]))
print(starts_big(2**70, 10), starts_big(-(2**64), 3))
print(big_then_small([1, 2**65, 3, 2**100, 5, -(2**70), 7]))
print(shrinking(7**40), shrinking(10))
print(effects_once(4), log)
print(through_generator(10))
print(store_into_floats([1.0, 2.0, 3.0, 4.0]))
print(sieve(60))
print(index_error_inside([1, 2, 3]))
print(continue_and_break(11))
print(negative_steps(10))
print(list(in_generator(70)))
print(bool_locals(5))
