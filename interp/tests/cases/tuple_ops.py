t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t[1:], t + (4,), t * 2, 2 in t, len(t), sorted(t), tuple(reversed(t)), max(t))
