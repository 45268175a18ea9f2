# Comparisons feeding conditional jumps (fused in the eval loop) and used as values.
nan = float("nan")
big = 2**70
cases = [(1, 2), (2, 1), (2, 2), (1.5, 2), (2, 1.5), (nan, 1), (1, nan), (nan, nan),
         (big, 1), (1, big), (2**53 + 1, float(2**53)), (True, 1), (-0.0, 0)]
for a, b in cases:
    row = []
    if a < b:
        row.append("lt")
    if not a < b:
        row.append("!lt")
    if a <= b:
        row.append("le")
    if a == b:
        row.append("eq")
    if a != b:
        row.append("ne")
    if a > b or a >= b:
        row.append("gt|ge")
    while a > b:
        row.append("loop")
        break
    row.append(a < b)
    row.append(1 < a < 3)
    print(a, b, row)

n = 0
i = 0
while i < 10:
    i += 1
    if i % 3 == 0:
        continue
    n += i if i > 4 else -i
print(n)
x = [i for i in range(20) if 3 < i <= 7 or i == 15]
print(x, sum(1 for i in range(10) if i != 5))
