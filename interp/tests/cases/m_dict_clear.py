def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.clear()", lambda: (lambda d: (d.clear(), d))({'a': 1, 'b': 2}))
t('{}.clear()', lambda: (lambda d: (d.clear(), d))({}))
t("{1: 'x', (2, 3): None}.clear()", lambda: (lambda d: (d.clear(), d))({1: 'x', (2, 3): None}))
