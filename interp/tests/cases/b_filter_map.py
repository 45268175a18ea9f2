print(list(filter(lambda x: x > 1, [0, 1, 2, 3])), list(map(abs, [-1, 2])), list(map(pow, [2, 3], [3, 2])))
