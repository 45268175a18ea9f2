vals = ['abc', [1, 2, 3], (1, 2, 3), range(3), {'a': 1}, b'abc', 5, None]
keys = [0, -1, 3, 'a', 1.5, slice(1, None), slice(None, None, -1), None, True]
for v in vals:
    for k in keys:
        try:
            print(repr(v), repr(k), "=", repr(v[k]))
        except Exception as e:
            print(repr(v), repr(k), "->", type(e).__name__, e)
