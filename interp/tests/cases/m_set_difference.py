def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.difference({1})', lambda: (lambda x: (x.difference({1}), sorted(x, key=repr)))({1, 2, 3}))
t('{1, 2, 3}.difference([1, 2], (3,))', lambda: (lambda x: (x.difference([1, 2], (3,)), sorted(x, key=repr)))({1, 2, 3}))
t('set().difference({1})', lambda: (lambda x: (x.difference({1}), sorted(x, key=repr)))(set()))
t('set().difference([1, 2], (3,))', lambda: (lambda x: (x.difference([1, 2], (3,)), sorted(x, key=repr)))(set()))
t("{'a'}.difference({1})", lambda: (lambda x: (x.difference({1}), sorted(x, key=repr)))({'a'}))
t("{'a'}.difference([1, 2], (3,))", lambda: (lambda x: (x.difference([1, 2], (3,)), sorted(x, key=repr)))({'a'}))
