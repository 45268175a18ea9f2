def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.intersection({1, 2})', lambda: (lambda x: (x.intersection({1, 2}), sorted(x, key=repr)))({1, 2, 3}))
t("{1, 2, 3}.intersection('ab')", lambda: (lambda x: (x.intersection('ab'), sorted(x, key=repr)))({1, 2, 3}))
t('set().intersection({1, 2})', lambda: (lambda x: (x.intersection({1, 2}), sorted(x, key=repr)))(set()))
t("set().intersection('ab')", lambda: (lambda x: (x.intersection('ab'), sorted(x, key=repr)))(set()))
t("{'a'}.intersection({1, 2})", lambda: (lambda x: (x.intersection({1, 2}), sorted(x, key=repr)))({'a'}))
t("{'a'}.intersection('ab')", lambda: (lambda x: (x.intersection('ab'), sorted(x, key=repr)))({'a'}))
