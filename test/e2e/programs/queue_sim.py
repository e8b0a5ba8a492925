# RUN: %python %tools/run_e2e.py %taipan %s
# A queue simulation with a deterministic generator of arrivals.
def arrivals(seed, n):
    for i in range(n):
        seed = (seed * 75 + 74) % 65537
        yield i, seed % 5 + 1
queue = []
clock = 0
served = []
for cust, work in arrivals(7, 12):
    queue.append((cust, work))
    if len(queue) > 2:
        c, w = queue.pop(0)
        clock += w
        served.append((c, clock))
while queue:
    c, w = queue.pop(0)
    clock += w
    served.append((c, clock))
print(served)
print('total time', clock, 'mean', sum(t for _, t in served) // len(served))
