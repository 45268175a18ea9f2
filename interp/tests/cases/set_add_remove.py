s = set()
s.add(3)
s.add(1)
s.add(3)
s.discard(7)
print(s, len(s))
s.remove(1)
print(s)
try:
    s.remove(1)
except KeyError as e:
    print('KeyError', e)
