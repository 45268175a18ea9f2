print(list(range(0)), list(range(-3)), list(range(2, -3, -1)), list(range(1, 10, 4)), range(5)[::2], list(range(5)[::-1]))
