def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.get('a')", lambda: (lambda d: (d.get('a'), d))({'a': 1, 'b': 2}))
t("{'a': 1, 'b': 2}.get('z', 0)", lambda: (lambda d: (d.get('z', 0), d))({'a': 1, 'b': 2}))
t("{'a': 1, 'b': 2}.get([])", lambda: (lambda d: (d.get([]), d))({'a': 1, 'b': 2}))
t("{}.get('a')", lambda: (lambda d: (d.get('a'), d))({}))
t("{}.get('z', 0)", lambda: (lambda d: (d.get('z', 0), d))({}))
t('{}.get([])', lambda: (lambda d: (d.get([]), d))({}))
t("{1: 'x', (2, 3): None}.get('a')", lambda: (lambda d: (d.get('a'), d))({1: 'x', (2, 3): None}))
t("{1: 'x', (2, 3): None}.get('z', 0)", lambda: (lambda d: (d.get('z', 0), d))({1: 'x', (2, 3): None}))
t("{1: 'x', (2, 3): None}.get([])", lambda: (lambda d: (d.get([]), d))({1: 'x', (2, 3): None}))
