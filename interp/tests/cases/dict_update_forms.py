d = {}
d.update({'a': 1})
d.update([('b', 2)])
d.update(c=3)
d.update({'a': 10}, d=4)
print(d)
