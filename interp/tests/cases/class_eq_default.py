class P:
    pass
a, b = P(), P()
print(a == a, a == b, a != b, a in [b], a in [a], len({a, b, a}))
