def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.isdisjoint({99})', lambda: (lambda x: (x.isdisjoint({99}), sorted(x, key=repr)))({1, 2, 3}))
t('{1, 2, 3}.isdisjoint([1])', lambda: (lambda x: (x.isdisjoint([1]), sorted(x, key=repr)))({1, 2, 3}))
t('set().isdisjoint({99})', lambda: (lambda x: (x.isdisjoint({99}), sorted(x, key=repr)))(set()))
t('set().isdisjoint([1])', lambda: (lambda x: (x.isdisjoint([1]), sorted(x, key=repr)))(set()))
t("{'a'}.isdisjoint({99})", lambda: (lambda x: (x.isdisjoint({99}), sorted(x, key=repr)))({'a'}))
t("{'a'}.isdisjoint([1])", lambda: (lambda x: (x.isdisjoint([1]), sorted(x, key=repr)))({'a'}))
