class P:
    x = 1
p = P()
print(p.x + p.y)
