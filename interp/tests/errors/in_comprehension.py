print([1 / (i - 2) for i in range(5)])
