def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.pop('a')", lambda: (lambda d: (d.pop('a'), d))({'a': 1, 'b': 2}))
t("{'a': 1, 'b': 2}.pop('z')", lambda: (lambda d: (d.pop('z'), d))({'a': 1, 'b': 2}))
t("{'a': 1, 'b': 2}.pop('z', None)", lambda: (lambda d: (d.pop('z', None), d))({'a': 1, 'b': 2}))
t("{}.pop('a')", lambda: (lambda d: (d.pop('a'), d))({}))
t("{}.pop('z')", lambda: (lambda d: (d.pop('z'), d))({}))
t("{}.pop('z', None)", lambda: (lambda d: (d.pop('z', None), d))({}))
t("{1: 'x', (2, 3): None}.pop('a')", lambda: (lambda d: (d.pop('a'), d))({1: 'x', (2, 3): None}))
t("{1: 'x', (2, 3): None}.pop('z')", lambda: (lambda d: (d.pop('z'), d))({1: 'x', (2, 3): None}))
t("{1: 'x', (2, 3): None}.pop('z', None)", lambda: (lambda d: (d.pop('z', None), d))({1: 'x', (2, 3): None}))
