d = {1: 'int', 1.5: 'float', 'x': 'str', (1, 2): 'tuple', None: 'none', True: 'bool', frozenset([1]): 'fs'}
print(d, len(d), d[1.0], d[(1, 2)])
