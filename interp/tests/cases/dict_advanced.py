# dict behaviours: views as sets, ordering after deletion, | and |=, defaultdict/Counter/OrderedDict.
from collections import defaultdict, Counter, OrderedDict, ChainMap
d = {"b": 2, "a": 1, "c": 3}
print(d.keys() & {"a", "z"}, d.keys() - {"a"}, d.items() | {("q", 0)} >= {("a", 1)}, list(reversed(d)))
del d["b"]; d["b"] = 20
print(d, list(d.values()), d | {"a": 100}, {**d, "d": 4})
d |= [("e", 5)]
print(d, d.popitem(), len(d))
dd = defaultdict(lambda: "?", x=1)
print(dd["x"], dd["y"], dict(dd))
c = Counter("mississippi")
print(c.most_common(2), c["s"], c["z"], sorted(c.elements())[:5], (c + Counter("ss"))["s"], c - Counter("iiii"))
od = OrderedDict.fromkeys("abc")
od.move_to_end("a"); od.move_to_end("c", last=False)
print(list(od), od.popitem(last=False))
cm = ChainMap({"a": 1}, {"a": 2, "b": 3})
print(cm["a"], cm["b"], len(cm), sorted(cm))
nested = {"k": {"inner": [1, 2]}}
print(nested["k"]["inner"][1], nested.get("missing", {}).get("x", "default"), sorted({3: "c", 1: "a"}.items()))
