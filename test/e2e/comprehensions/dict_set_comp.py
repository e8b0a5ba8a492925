# RUN: %python %tools/run_e2e.py %taipan %s
# Dict and set comprehensions.
squares = {x: x * x for x in range(5)}
print(sorted(squares.items()))
print(sorted({k: v for k, v in zip('abc', range(3)) if v}.items()))
print(sorted({x % 4 for x in range(20)}))
print(sorted({c for c in 'mississippi'}))
words = ['apple', 'bob', 'cat', 'avocado']
by_first = {w[0]: [v for v in words if v[0] == w[0]] for w in words}
print(sorted(by_first.items()))
print(sorted({(i, j) for i in range(2) for j in range(2)}))
