def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.keys()", lambda: (lambda d: (d.keys(), d))({'a': 1, 'b': 2}))
t('{}.keys()', lambda: (lambda d: (d.keys(), d))({}))
t("{1: 'x', (2, 3): None}.keys()", lambda: (lambda d: (d.keys(), d))({1: 'x', (2, 3): None}))
