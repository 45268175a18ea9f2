d = {'a': 1, 'b': 2, 'c': 3}
print(d.pop('a'), d.pop('zz', 'dflt'), d.popitem(), d)
try:
    d.pop('missing')
except KeyError as e:
    print('KeyError', e)
