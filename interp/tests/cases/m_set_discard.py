def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.discard(1)', lambda: (lambda x: (x.discard(1), sorted(x, key=repr)))({1, 2, 3}))
t('{1, 2, 3}.discard(99)', lambda: (lambda x: (x.discard(99), sorted(x, key=repr)))({1, 2, 3}))
t('set().discard(1)', lambda: (lambda x: (x.discard(1), sorted(x, key=repr)))(set()))
t('set().discard(99)', lambda: (lambda x: (x.discard(99), sorted(x, key=repr)))(set()))
t("{'a'}.discard(1)", lambda: (lambda x: (x.discard(1), sorted(x, key=repr)))({'a'}))
t("{'a'}.discard(99)", lambda: (lambda x: (x.discard(99), sorted(x, key=repr)))({'a'}))
