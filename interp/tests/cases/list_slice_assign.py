a = list(range(8))
a[1:3] = ['a', 'b', 'c']
a[-2:] = []
a[::3] = [0] * len(a[::3])
print(a)
