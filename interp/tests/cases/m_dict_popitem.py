def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.popitem()", lambda: (lambda d: (d.popitem(), d))({'a': 1, 'b': 2}))
t('{}.popitem()', lambda: (lambda d: (d.popitem(), d))({}))
t("{1: 'x', (2, 3): None}.popitem()", lambda: (lambda d: (d.popitem(), d))({1: 'x', (2, 3): None}))
