def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.remove(1)', lambda: (lambda x: (x.remove(1), sorted(x, key=repr)))({1, 2, 3}))
t('{1, 2, 3}.remove(99)', lambda: (lambda x: (x.remove(99), sorted(x, key=repr)))({1, 2, 3}))
t('set().remove(1)', lambda: (lambda x: (x.remove(1), sorted(x, key=repr)))(set()))
t('set().remove(99)', lambda: (lambda x: (x.remove(99), sorted(x, key=repr)))(set()))
t("{'a'}.remove(1)", lambda: (lambda x: (x.remove(1), sorted(x, key=repr)))({'a'}))
t("{'a'}.remove(99)", lambda: (lambda x: (x.remove(99), sorted(x, key=repr)))({'a'}))
