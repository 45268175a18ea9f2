# A small sudoku solver: constraint sets plus backtracking on the emptiest cell.
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
grid = [[int(c) if c != "." else 0 for c in line] for line in PUZZLE.split()]

def candidates(g, r, c):
    used = set(g[r]) | {g[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {g[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [v for v in range(1, 10) if v not in used]

def solve(g):
    empties = [(r, c) for r in range(9) for c in range(9) if g[r][c] == 0]
    if not empties:
        return True
    r, c = min(empties, key=lambda rc: len(candidates(g, *rc)))
    for v in candidates(g, r, c):
        g[r][c] = v
        if solve(g):
            return True
    g[r][c] = 0
    return False

print(solve(grid))
for i, row in enumerate(grid):
    if i and i % 3 == 0:
        print("------+-------+------")
    print(" | ".join(" ".join(map(str, row[k:k + 3])) for k in (0, 3, 6)))
print(all(sorted(row) == list(range(1, 10)) for row in grid))
