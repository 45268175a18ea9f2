import copy
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a)
c = copy.deepcopy(a)
b[1].append(9)
c[2]['k'].append(8)
print(a, b, c, b[1] is a[1], c[1] is a[1])
class P:
    def __init__(self): self.items = [1]
p = P(); q = copy.copy(p); r = copy.deepcopy(p)
q.items.append(2)
print(p.items, q.items, r.items, type(r).__name__)
rec = [1]; rec.append(rec)
d = copy.deepcopy(rec)
print(d[1] is d, d[0])
