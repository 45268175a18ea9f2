print(tuple(), tuple([1, 2]), tuple('ab'), tuple({1: 2}), tuple(x * 2 for x in range(3)))
