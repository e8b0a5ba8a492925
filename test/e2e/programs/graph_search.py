# RUN: %python %tools/run_e2e.py %taipan %s
# BFS, DFS, Dijkstra and topological sort on small graphs.
graph = {'a': ['b', 'c'], 'b': ['d'], 'c': ['d', 'e'], 'd': ['f'], 'e': ['f'], 'f': []}
def bfs(start):
    seen, order, queue = {start}, [], [start]
    while queue:
        n = queue.pop(0)
        order.append(n)
        for m in graph[n]:
            if m not in seen:
                seen.add(m)
                queue.append(m)
    return order
def dfs(n, seen=None):
    seen = [] if seen is None else seen
    seen.append(n)
    for m in graph[n]:
        if m not in seen:
            dfs(m, seen)
    return seen
def topo():
    indeg = {n: 0 for n in graph}
    for n in graph:
        for m in graph[n]:
            indeg[m] += 1
    ready = sorted(n for n in graph if indeg[n] == 0)
    out = []
    while ready:
        n = ready.pop(0)
        out.append(n)
        for m in graph[n]:
            indeg[m] -= 1
            if indeg[m] == 0:
                ready.append(m)
                ready.sort()
    return out
weighted = {'s': {'a': 7, 'b': 2}, 'a': {'t': 1}, 'b': {'a': 3, 't': 8}, 't': {}}
def dijkstra(src):
    dist = {src: 0}
    todo = {src}
    done = set()
    while todo:
        n = min(todo, key=lambda k: (dist[k], k))
        todo.remove(n)
        done.add(n)
        for m, w in weighted[n].items():
            if m not in done and dist[n] + w < dist.get(m, 10 ** 9):
                dist[m] = dist[n] + w
                todo.add(m)
    return sorted(dist.items())
print(bfs('a'), dfs('a'), topo(), dijkstra('s'))
