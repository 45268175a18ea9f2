def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.symmetric_difference({1, 99})', lambda: (lambda x: (x.symmetric_difference({1, 99}), sorted(x, key=repr)))({1, 2, 3}))
t('set().symmetric_difference({1, 99})', lambda: (lambda x: (x.symmetric_difference({1, 99}), sorted(x, key=repr)))(set()))
t("{'a'}.symmetric_difference({1, 99})", lambda: (lambda x: (x.symmetric_difference({1, 99}), sorted(x, key=repr)))({'a'}))
