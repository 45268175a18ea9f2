def numbers():
    yield 1
    yield 1 / 0

g = numbers()
print(next(g))
print(next(g))
