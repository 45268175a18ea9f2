for v in [1, 1.0, 'a', "'", None, True, [1, 'x'], (1,), {'a': [1]}, {1}, frozenset(), b'x', range(2)]:
    print(repr(v), str(v))
