d = {}
for k in 'zyxw':
    d[k] = ord(k)
print(list(d), list(d.values()), list(d.items())[:2])
for k, v in d.items():
    print(k, v, end=' ')
print()
