def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.setdefault('a')", lambda: (lambda d: (d.setdefault('a'), d))({'a': 1, 'b': 2}))
t("{'a': 1, 'b': 2}.setdefault('n', [])", lambda: (lambda d: (d.setdefault('n', []), d))({'a': 1, 'b': 2}))
t("{}.setdefault('a')", lambda: (lambda d: (d.setdefault('a'), d))({}))
t("{}.setdefault('n', [])", lambda: (lambda d: (d.setdefault('n', []), d))({}))
t("{1: 'x', (2, 3): None}.setdefault('a')", lambda: (lambda d: (d.setdefault('a'), d))({1: 'x', (2, 3): None}))
t("{1: 'x', (2, 3): None}.setdefault('n', [])", lambda: (lambda d: (d.setdefault('n', []), d))({1: 'x', (2, 3): None}))
