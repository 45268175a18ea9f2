# Every kind of key in one set (None, bools, ints, floats, heap objects), through growth,
# deletions, re-insertion into deleted slots, copies and set algebra. Numeric keys hash the
# same in every run, so their iteration order is printed as is and must match CPython's table;
# sets holding strings, tuples or None (hashes that vary between runs) are printed sorted.
def srt(s):
    return sorted(map(repr, s))


s = {None, True, False, 0, 1, -1, 2**62, -(2**63), 2**70, 0.5, -0.0, 1.5e300,
     "a", "bb", (1, 2), frozenset({3})}
print(len(s), srt(s))
print(None in s, True in s, 0 in s, 0.0 in s, -1 in s, 2**70 in s, "bb" in s, (1, 2) in s)
for k in [None, 1.5e300, "a", (1, 2), -(2**63)]:
    s.discard(k)
print(srt(s), None in s, "a" in s, "bb" in s)
for k in [-(2**63), "a", None, 7.25, "zz"]:
    s.add(k)
print(srt(s), None in s, "a" in s, 7.25 in s)

n = {True, False, 0, 1, -1, 2**62, -(2**63), 2**70, 0.5, -0.0, 1.5e300, 3, -7.5}
print([repr(x) for x in n])
n.discard(2**62)
n.discard(0.5)
n.add(99)
n.add(-(2**62))
print([repr(x) for x in n])

big = set()
for i in range(0, 3000, 3):
    big.add(i)
    big.add(float(i) + 0.5)
    big.add(-i - 1)
for i in range(0, 3000, 9):
    big.discard(i)
    big.discard(-i - 1)
for i in range(0, 3000, 27):
    big.add(i)
print(len(big), list(big)[:20], list(big)[-10:])
c = big.copy()
print(c == big, list(c)[:10], list(c)[-5:])
u = big | {False, -5, 10**20, 2.25}
print(len(u), list(u)[:8], list(u)[-5:])
i = big & set(range(0, 3000, 6))
print(len(i), list(i)[:8])
d = big - {float(k) + 0.5 for k in range(0, 3000, 3)}
print(len(d), list(d)[:8], list(d)[-5:])
x = {True, 2, 3.5} ^ {1, 2.0, 4, -1}
print([repr(v) for v in x])
strs = {str(k) for k in range(200)} | {None, (1, None)}
for k in range(0, 200, 2):
    strs.discard(str(k))
print(len(strs), srt(strs)[:6], "51" in strs, "50" in strs, None in strs, (1, None) in strs)
f = frozenset([None, 3, 3.5, "q", (None,)])
print(hash(f) == hash(frozenset(list(f))), srt(f))
p = {4, 5, 6}
print(p.pop(), p.pop(), p, p.pop(), p)
