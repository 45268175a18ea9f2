# Module-level names read and written in loops, with deletions and dict changes between
# (their dict slots move), and closures called through the simple-call path.
total = 0
for i in range(5):
    total += i
    if i == 2:
        del total
        total = 100
print(total)

for k in range(3):
    globals()["extra%d" % k] = k
    x = k * 2
del x
for k in range(3):
    x = k
    print(x, extra2)


class Body:
    a = 1
    for j in range(3):
        a += j
    del j
    b = a * 2


print(Body.a, Body.b, hasattr(Body, "j"))


def outer(x, y=3):
    def get():
        return x + y
    def set_(v):
        nonlocal x
        x = v
    return get, set_


g, s = outer(1)
print(g())
s(10)
print(g())


def cell_param(n):
    # n is a cell (captured) and a parameter: its value must land in the cell.
    fs = [lambda: n]
    n += 1
    return fs[0]()


print([cell_param(i) for i in range(3)])


def fact_maker():
    def fact(n):
        return 1 if n <= 1 else n * fact(n - 1)
    return fact


print(fact_maker()(10))


def counter():
    c = 0
    def inc(k=1):
        nonlocal c
        c += k
        return c
    return inc


inc = counter()
for i in range(1000):
    inc(i % 3)
print(inc(0))
