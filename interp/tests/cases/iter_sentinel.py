data = [3, 2, 1, 0, 5]
it = iter(data)
print(list(iter(lambda: next(it), 0)))
