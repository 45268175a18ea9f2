d = {"a": 1, "b": 2, "c": 3}
k, v, i = d.keys(), d.values(), d.items()
print(k, v, i, len(k), "a" in k, 2 in v, ("b", 2) in i, ("b", 3) in i)
d["d"] = 4
print(list(k), list(v), list(i))
print(k & {"a", "z"}, k | {"z"}, k - {"a"}, {"a", "q"} & k)
print(sorted(d.keys(), reverse=True), list(reversed(d.keys())) if hasattr(k, "__reversed__") else list(reversed(list(k))))
for key in list(d):
    if d[key] % 2: del d[key]
print(d)
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print(e)
print(dict(zip(d.values(), d.keys())), {v: k for k, v in d.items()})
