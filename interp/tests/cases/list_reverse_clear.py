a = [1, 2, 3]
a.reverse()
print(a)
b = a
a.clear()
print(a, b, len(b))
