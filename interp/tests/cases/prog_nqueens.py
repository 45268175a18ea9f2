# N-queens by backtracking with a generator of solutions.
def solve(n):
    cols = []
    def place(row):
        if row == n:
            yield list(cols)
            return
        for c in range(n):
            if all(c != pc and abs(c - pc) != row - pr for pr, pc in enumerate(cols)):
                cols.append(c)
                yield from place(row + 1)
                cols.pop()
    yield from place(0)

for n in range(1, 9):
    sols = list(solve(n))
    print(n, len(sols))
first = next(solve(8))
for c in first:
    print(" ".join("Q" if i == c else "." for i in range(8)))
