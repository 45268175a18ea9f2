print(dict(), dict(a=1), dict([(1, 2)]), dict({'x': 1}, y=2), dict(zip('ab', 'cd')))
