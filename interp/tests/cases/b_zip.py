print(list(zip()), list(zip([1])), list(zip([1, 2], 'ab', (True, None))), list(zip(range(3), range(10, 13))), dict(zip('abc', range(3))))
