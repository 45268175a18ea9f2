def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.issubset({1, 2, 3, 4})', lambda: (lambda x: (x.issubset({1, 2, 3, 4}), sorted(x, key=repr)))({1, 2, 3}))
t('{1, 2, 3}.issubset([])', lambda: (lambda x: (x.issubset([]), sorted(x, key=repr)))({1, 2, 3}))
t('set().issubset({1, 2, 3, 4})', lambda: (lambda x: (x.issubset({1, 2, 3, 4}), sorted(x, key=repr)))(set()))
t('set().issubset([])', lambda: (lambda x: (x.issubset([]), sorted(x, key=repr)))(set()))
t("{'a'}.issubset({1, 2, 3, 4})", lambda: (lambda x: (x.issubset({1, 2, 3, 4}), sorted(x, key=repr)))({'a'}))
t("{'a'}.issubset([])", lambda: (lambda x: (x.issubset([]), sorted(x, key=repr)))({'a'}))
