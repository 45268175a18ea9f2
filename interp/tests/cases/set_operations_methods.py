a, b = {1, 2, 3}, {3, 4}
print(a.union(b), a.intersection(b), a.difference(b), a.symmetric_difference(b), a.isdisjoint({9}), a.issubset(a | b))
