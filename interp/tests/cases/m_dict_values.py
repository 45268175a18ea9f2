def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.values()", lambda: (lambda d: (d.values(), d))({'a': 1, 'b': 2}))
t('{}.values()', lambda: (lambda d: (d.values(), d))({}))
t("{1: 'x', (2, 3): None}.values()", lambda: (lambda d: (d.values(), d))({1: 'x', (2, 3): None}))
