a = [[1], [2]]
b = a.copy()
c = a[:]
d = list(a)
b[0].append(9)
b.append([3])
print(a, b, c is a, d == a)
