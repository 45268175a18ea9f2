print(1 in [1, 2], 3 in (1, 2), 'a' in 'cat', 'k' in {'k': 1}, 2 in {1: 2}, 5 in range(10), 5 in range(0, 10, 2))
