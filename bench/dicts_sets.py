# Dicts and sets: counting, grouping, membership, set algebra, dict iteration.
def words(n):
    out = []
    x = 12345
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append("w" + str(x % 5000))
    return out


ws = words(1400000)
counts = {}
for w in ws:
    counts[w] = counts.get(w, 0) + 1
groups = {}
for w, c in counts.items():
    groups.setdefault(c, []).append(w)
seen = set()
dups = 0
for w in ws:
    if w in seen:
        dups += 1
    else:
        seen.add(w)
a = {i for i in range(0, 1800000, 3)}
b = {i for i in range(0, 1800000, 5)}
inter = len(a & b)
union = len(a | b)
diff = len(a - b)
squares = {i: i * i for i in range(300000)}
total = 0
for k in range(0, 300000, 7):
    total += squares[k] % 1000
for k, v in squares.items():
    if k % 1000 == 0:
        total += v % 97
del_count = 0
for k in list(squares):
    if k % 3 == 0:
        del squares[k]
        del_count += 1
print(len(counts), len(groups), dups, inter, union, diff, total, del_count, len(squares))
