a, b = 1, 2
a, b = b, a
print(a, b)
x = [1, 2, 3]
i, x[i] = 1, 9
print(i, x)
x[0], x[0] = 5, 6
print(x)
p, q, r = [r for r in "abc"]
print(p, q, r)
p, q, r = q, r, p
print(p, q, r)
[p, q] = (q, p)
print(p, q)
def order():
    log = []
    class T:
        def __setattr__(self, k, v):
            log.append((k, v))
    t = T()
    t.a, t.b, t.c = (log.append("x") or 1), (log.append("y") or 2), 3
    print(log)
order()
try:
    u, v = 1, 2, 3
except ValueError as e:
    print(e)
(a, b), c = (1, 2), 3
print(a, b, c)
