def g():
    yield 1
    raise IndexError('gen failed')
for x in g():
    print(x)
