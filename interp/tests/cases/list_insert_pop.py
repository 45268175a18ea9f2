a = [1, 2, 3]
a.insert(0, 0)
a.insert(10, 99)
a.insert(-1, 50)
print(a, a.pop(), a.pop(0), a.pop(-2), a)
