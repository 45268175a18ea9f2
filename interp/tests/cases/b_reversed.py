print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed('ab')), list(reversed(range(3))), list(reversed({'a': 1, 'b': 2})))
