def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.fromkeys('ab')", lambda: (lambda d: (d.fromkeys('ab'), d))({'a': 1, 'b': 2}))
t("{'a': 1, 'b': 2}.fromkeys([1, 2], 0)", lambda: (lambda d: (d.fromkeys([1, 2], 0), d))({'a': 1, 'b': 2}))
t("{}.fromkeys('ab')", lambda: (lambda d: (d.fromkeys('ab'), d))({}))
t('{}.fromkeys([1, 2], 0)', lambda: (lambda d: (d.fromkeys([1, 2], 0), d))({}))
t("{1: 'x', (2, 3): None}.fromkeys('ab')", lambda: (lambda d: (d.fromkeys('ab'), d))({1: 'x', (2, 3): None}))
t("{1: 'x', (2, 3): None}.fromkeys([1, 2], 0)", lambda: (lambda d: (d.fromkeys([1, 2], 0), d))({1: 'x', (2, 3): None}))
