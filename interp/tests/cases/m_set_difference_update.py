def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.difference_update({1})', lambda: (lambda x: (x.difference_update({1}), sorted(x, key=repr)))({1, 2, 3}))
t('set().difference_update({1})', lambda: (lambda x: (x.difference_update({1}), sorted(x, key=repr)))(set()))
t("{'a'}.difference_update({1})", lambda: (lambda x: (x.difference_update({1}), sorted(x, key=repr)))({'a'}))
