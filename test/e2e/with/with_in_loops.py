# RUN: %python %tools/run_e2e.py %taipan %s
# with inside loops where the body raises, continues and breaks.
class Track:
    active = 0
    def __enter__(self):
        Track.active += 1
        return Track.active
    def __exit__(self, t, v, tb):
        Track.active -= 1
        return t is KeyError
for i in range(5):
    with Track() as depth:
        if i == 1:
            continue
        if i == 2:
            raise KeyError(i)
        if i == 4:
            break
        print('iteration', i, 'depth', depth)
print('active after loop', Track.active)
with Track() as a:
    with Track() as b:
        print('nested depths', a, b)
print('active', Track.active)
