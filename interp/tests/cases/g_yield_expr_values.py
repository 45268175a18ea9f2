def g():
    x = yield
    print('got', x)
    y = yield x * 2
    print('got', y)
it = g()
next(it)
print(it.send(3))
try:
    it.send(4)
except StopIteration:
    print('end')
