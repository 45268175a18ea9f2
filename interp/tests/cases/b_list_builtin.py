print(list(), list('ab'), list((1, 2)), list({'k': 1}), list(range(3)), list(x for x in 'xy'))
