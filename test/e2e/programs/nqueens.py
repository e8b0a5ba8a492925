# RUN: %python %tools/run_e2e.py %taipan %s
# N-queens by backtracking with sets.
def solve(n):
    solutions = []
    cols, d1, d2 = set(), set(), set()
    board = []
    def place(r):
        if r == n:
            solutions.append(list(board))
            return
        for c in range(n):
            if c in cols or r - c in d1 or r + c in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); board.append(c)
            place(r + 1)
            cols.discard(c); d1.discard(r - c); d2.discard(r + c); board.pop()
    place(0)
    return solutions
for n in range(1, 8):
    print(n, len(solve(n)))
print(solve(6)[0])
