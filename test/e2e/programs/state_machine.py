# RUN: %python %tools/run_e2e.py %taipan %s
# A traffic-light state machine driven by a generator of events.
TRANSITIONS = {
    ('red', 'timer'): 'green',
    ('green', 'timer'): 'yellow',
    ('yellow', 'timer'): 'red',
    ('green', 'emergency'): 'red',
    ('yellow', 'emergency'): 'red',
}
def machine(state):
    while True:
        event = yield state
        state = TRANSITIONS.get((state, event), state)
m = machine('red')
print(next(m))
for ev in ['timer', 'timer', 'emergency', 'timer', 'bogus', 'timer', 'timer']:
    print(ev, '->', m.send(ev))
