from itertools import groupby
g = groupby("aabbbcA", key=str.lower)
k, grp = next(g)
print(k, type(grp).__name__, type(grp).__module__, repr(grp).split(" at ")[0], next(grp))
k2, grp2 = next(g)
print(k2, list(grp2), list(grp))
print([(k, list(v)) for k, v in groupby([1, 1, 2, 3, 3, 3])])
print([k for k, _ in groupby("")], [(k, len(list(v))) for k, v in groupby("xxyxx")])
