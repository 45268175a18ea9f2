def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.issuperset({1})', lambda: (lambda x: (x.issuperset({1}), sorted(x, key=repr)))({1, 2, 3}))
t('{1, 2, 3}.issuperset(set())', lambda: (lambda x: (x.issuperset(set()), sorted(x, key=repr)))({1, 2, 3}))
t('set().issuperset({1})', lambda: (lambda x: (x.issuperset({1}), sorted(x, key=repr)))(set()))
t('set().issuperset(set())', lambda: (lambda x: (x.issuperset(set()), sorted(x, key=repr)))(set()))
t("{'a'}.issuperset({1})", lambda: (lambda x: (x.issuperset({1}), sorted(x, key=repr)))({'a'}))
t("{'a'}.issuperset(set())", lambda: (lambda x: (x.issuperset(set()), sorted(x, key=repr)))({'a'}))
