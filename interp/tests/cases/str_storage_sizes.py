# Strings around the storage boundaries (22 and 30 bytes inline, longer ones allocated, views
# of a growing buffer): length, indexing, slicing, hashing, equality and iteration order of
# sets and dicts must not depend on how a string is stored.
samples = []
for n in (0, 1, 21, 22, 23, 29, 30, 31, 32, 45):
    samples.append("a" * n)
    samples.append("é" * n)
    samples.append("x" * max(n - 2, 0) + "€")
    samples.append("日本" * (n // 2))

for s in samples:
    enc = len(s.encode())
    mid = s[len(s) // 2] if s else ""
    print(len(s), enc, repr(s[:3]), repr(s[-3:]), repr(mid), s[::7] == s[::7], hash(s) == hash(s[:] + ""))

# Equal text built in different ways is equal, hashes equally and is one dict key.
d = {}
for s in samples:
    built = "".join(ch for ch in s)
    glued = s[: len(s) // 2] + s[len(s) // 2 :]
    assert built == s == glued, (s, built, glued)
    assert hash(built) == hash(s) == hash(glued)
    d[built] = d.get(s, 0) + 1
    d[glued] = d.get(s, 0) + 1
print(len(d), len(set(samples)), sorted(set(d.values())))

# Growing one string across every boundary, with a shorter view kept along the way.
acc = ""
views = []
for i in range(40):
    acc += "é" if i % 3 == 0 else "k"
    if i % 5 == 0:
        views.append(acc)
print(len(acc), [len(v) for v in views], views[3], acc[20:26], acc.count("é"))
print([v == acc[: len(v)] for v in views])

# Sets of strings iterate in CPython's order (same hashes, same table).
st = set()
for i in range(60):
    st.add(("k%d" % i) * (1 + i % 9))
print([len(x) for x in st][:30])
print(sorted(st, key=len)[-3:])
print({s: len(s) for s in ["ab" * 11, "ab" * 12, "ab" * 15, "ab" * 16]})

# Iterators over ranges, enumerate, map, filter and iter(callable, sentinel).
r = range(3, 40, 4)
print(r, r[2], r[-1], r[1:4], len(r), 7 in r, list(reversed(r))[:3])
sl = slice(1, 9, 2)
print(sl, sl.start, sl.stop, sl.step, "abcdefghij"[sl], sl.indices(5))
print(list(enumerate("abc", 10)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])))
print(list(filter(None, [0, 1, "", "x", None, 3])), list(filter(lambda x: x % 2, range(7))))
it = iter([5, 4, 3, 0, 1])
print(list(iter(lambda: next(it), 0)))
# Slices and ranges keep any values (floats, bools, objects, big ints) exactly.
s2 = slice(1.5, "a", [1])
print(s2, s2.start, s2.stop, s2.step, slice(True, None, -1), slice(-(2**63), 2**63 - 1, -7))
big = range(2**70, 2**70 + 10, 3)
print(big, big.start, len(big), big[-1], list(big)[1], 2**70 + 3 in big, range(-5, 5)[::-2])
print([0, 1, 2, 3, 4, 5][slice(None, None, -2)], "abcdef"[True:-1], (1, 2, 3)[-(2**63):2**63 - 1])
