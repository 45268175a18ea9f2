people = [("alice", 30), ("bob", 25), ("carol", 35), ("dave", 25)]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(max(people, key=lambda p: p[1]), min(people, key=lambda p: (p[1], p[0])))
print(list(filter(lambda p: p[1] > 26, people)), list(map(lambda p: p[0].title(), people)))
by_age = {}
for name, age in people:
    by_age.setdefault(age, []).append(name)
print(by_age, sorted(by_age.items()))
fs = [lambda x, n=n: x ** n for n in range(4)]
print([f(2) for f in fs])
print((lambda *args: sum(args))(1, 2, 3), (lambda **kw: sorted(kw))(b=1, a=2))
