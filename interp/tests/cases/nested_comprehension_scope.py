x = 'outer'
res = [[x for x in range(2)] for _ in range(2)]
print(res, x, [y for y in range(3) for z in range(y)])
