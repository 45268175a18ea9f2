# Counter arithmetic: unary +/-, in-place operators (dropping non-positive counts), rich comparisons.
from collections import Counter
c = Counter("abracadabra")
d = Counter(a=2, z=-1)
print(+c, -d, +d, c - Counter("aa"), c & d, c | d, c + d)
e = Counter(a=1); e += Counter(a=2, b=-1); print(e)
e -= Counter(a=5); print(e)
f = Counter(a=3, b=1); f |= Counter(a=1, b=4); print(f)
f &= Counter(a=2); print(f)
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) <= Counter(a=2), Counter(a=2) > Counter(a=1), Counter(a=1) != Counter(a=2))
print(c.total(), sorted(c.elements())[:4], Counter("ab") == {"a": 1, "b": 1})
