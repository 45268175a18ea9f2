d = dict.fromkeys(['a', 'b'], [])
d['a'].append(1)
print(d)
e = d.copy()
e['c'] = 3
print(d, e)
