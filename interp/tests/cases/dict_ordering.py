d = {}
for k in ["b", "a", "c"]:
    d[k] = len(d)
print(d, list(d))
del d["a"]; d["a"] = 9; print(d)
d.pop("b"); d["b"] = 0; print(list(d.items()))
e = dict.fromkeys(range(5)); del e[2]; e[2] = "back"; print(e)
big = {i: i for i in range(100)}
for i in range(0, 100, 2): del big[i]
print(list(big)[:5], len(big))
big[0] = "new"; print(list(big)[-1], list(big.values())[-1])
print({"x": 1} == dict(x=1), dict(sorted({"b": 2, "a": 1}.items())))
