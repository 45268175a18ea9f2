x = 1
del x
print('x' in dir())
l = [1, 2, 3, 4]
del l[0], l[-1]
print(l)
d = {'a': 1, 'b': 2}
del d['a']
print(d)
