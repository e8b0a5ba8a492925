# RUN: %python %tools/run_e2e.py %taipan %s
# .exp: micropython.schedule exists only in MicroPython. Natively compiled
# loops run scheduled callbacks at their back edges, as MicroPython's VM
# does between bytecodes: a loop waiting for a callback's flag ends.
import micropython

done = False
log = []


def set_done(arg):
    global done
    log.append(arg)
    done = True


def wait_for_done():
    spins = 0
    while not done:
        spins += 1
    return done


micropython.schedule(set_done, "first")
print(wait_for_done(), log)


def inner(arg):
    log.append("inner")


def outer(arg):
    micropython.schedule(inner, 0)
    # The inner callback waits until this one returns.
    total = 0
    for i in range(100):
        total += i
    log.append("outer %d" % total)


def wait_for_log(n):
    while len(log) < n:
        pass


log.clear()
micropython.schedule(outer, 0)
wait_for_log(2)
print(log)


done = False
micropython.schedule(set_done, "again")
print(wait_for_done(), log[-1])


# A loop in a generator polls too.
def ticking():
    n = 0
    while not done:
        n += 1
        if n > 3:
            yield n


done = False
micropython.schedule(set_done, "generator")
for value in ticking():
    pass
print(done, log[-1])
