def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.copy()", lambda: (lambda d: (d.copy(), d))({'a': 1, 'b': 2}))
t('{}.copy()', lambda: (lambda d: (d.copy(), d))({}))
t("{1: 'x', (2, 3): None}.copy()", lambda: (lambda d: (d.copy(), d))({1: 'x', (2, 3): None}))
