def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.union({7})', lambda: (lambda x: (x.union({7}), sorted(x, key=repr)))({1, 2, 3}))
t("{1, 2, 3}.union('ab', [1])", lambda: (lambda x: (x.union('ab', [1]), sorted(x, key=repr)))({1, 2, 3}))
t('set().union({7})', lambda: (lambda x: (x.union({7}), sorted(x, key=repr)))(set()))
t("set().union('ab', [1])", lambda: (lambda x: (x.union('ab', [1]), sorted(x, key=repr)))(set()))
t("{'a'}.union({7})", lambda: (lambda x: (x.union({7}), sorted(x, key=repr)))({'a'}))
t("{'a'}.union('ab', [1])", lambda: (lambda x: (x.union('ab', [1]), sorted(x, key=repr)))({'a'}))
