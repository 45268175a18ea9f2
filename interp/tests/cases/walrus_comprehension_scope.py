print([i for i in range(3) if (j := i * 2)], j)
def f():
    data = [1, 5, 9]
    if any((hit := x) > 4 for x in data):
        return hit
print(f())
def g():
    r = [[(last := a * b) for a in range(3)] for b in range(2)]
    return r, last
print(g())
print([y := 5, y ** 2], [(z := k) for k in "ab"], z)
