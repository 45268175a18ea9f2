a = []
a.append(1)
a.append([2])
a.extend([3, 4])
a.extend('ab')
a.extend(range(2))
a += (9,)
print(a, len(a))
