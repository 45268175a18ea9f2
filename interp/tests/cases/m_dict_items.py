def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.items()", lambda: (lambda d: (d.items(), d))({'a': 1, 'b': 2}))
t('{}.items()', lambda: (lambda d: (d.items(), d))({}))
t("{1: 'x', (2, 3): None}.items()", lambda: (lambda d: (d.items(), d))({1: 'x', (2, 3): None}))
