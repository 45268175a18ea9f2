def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("{'a': 1, 'b': 2}.update({'a': 9})", lambda: (lambda d: (d.update({'a': 9}), d))({'a': 1, 'b': 2}))
t("{'a': 1, 'b': 2}.update(b=2)", lambda: (lambda d: (d.update(b=2), d))({'a': 1, 'b': 2}))
t("{'a': 1, 'b': 2}.update([('c', 3)])", lambda: (lambda d: (d.update([('c', 3)]), d))({'a': 1, 'b': 2}))
t("{'a': 1, 'b': 2}.update(5)", lambda: (lambda d: (d.update(5), d))({'a': 1, 'b': 2}))
t("{}.update({'a': 9})", lambda: (lambda d: (d.update({'a': 9}), d))({}))
t('{}.update(b=2)', lambda: (lambda d: (d.update(b=2), d))({}))
t("{}.update([('c', 3)])", lambda: (lambda d: (d.update([('c', 3)]), d))({}))
t('{}.update(5)', lambda: (lambda d: (d.update(5), d))({}))
t("{1: 'x', (2, 3): None}.update({'a': 9})", lambda: (lambda d: (d.update({'a': 9}), d))({1: 'x', (2, 3): None}))
t("{1: 'x', (2, 3): None}.update(b=2)", lambda: (lambda d: (d.update(b=2), d))({1: 'x', (2, 3): None}))
t("{1: 'x', (2, 3): None}.update([('c', 3)])", lambda: (lambda d: (d.update([('c', 3)]), d))({1: 'x', (2, 3): None}))
t("{1: 'x', (2, 3): None}.update(5)", lambda: (lambda d: (d.update(5), d))({1: 'x', (2, 3): None}))
