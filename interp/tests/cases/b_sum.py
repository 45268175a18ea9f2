print(sum([]), sum([1, 2]), sum([1.5, 2.5]), sum([[1], [2]], []), sum(range(10), 100), sum([0.1] * 3))
