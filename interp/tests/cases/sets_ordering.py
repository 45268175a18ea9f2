s = set()
for x in [5, 3, 17, 1, 9, 33, 2]:
    s.add(x)
print(s)
s.discard(17); s.add(64); print(s)
print({i * 13 % 50 for i in range(30)})
print(set(range(50, 0, -3)))
print({-5, -3, 0, 2, 1000, 1024, 7}, {True, 1, 1.0, 0, False})
print(sorted({3.5, 1.25, 2.0}), {0.5, 1.5, 2.5})
a = {1, 2, 3, 4, 5, 6, 7, 8, 9}
b = {5, 6, 7, 8, 9, 10, 11}
print(a | b, a & b, a - b, b - a, a ^ b)
print({(1, 2), (2, 1), (0, 0)} == {(0, 0), (1, 2), (2, 1)}, frozenset({3, 1}) | frozenset({2}))
t = set(range(10)); t -= {1, 3, 5}; t |= {100}; t &= set(range(50)) | {100}; print(t)
