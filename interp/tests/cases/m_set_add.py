def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.add(5)', lambda: (lambda x: (x.add(5), sorted(x, key=repr)))({1, 2, 3}))
t('{1, 2, 3}.add((1, 2))', lambda: (lambda x: (x.add((1, 2)), sorted(x, key=repr)))({1, 2, 3}))
t('{1, 2, 3}.add([1])', lambda: (lambda x: (x.add([1]), sorted(x, key=repr)))({1, 2, 3}))
t('set().add(5)', lambda: (lambda x: (x.add(5), sorted(x, key=repr)))(set()))
t('set().add((1, 2))', lambda: (lambda x: (x.add((1, 2)), sorted(x, key=repr)))(set()))
t('set().add([1])', lambda: (lambda x: (x.add([1]), sorted(x, key=repr)))(set()))
t("{'a'}.add(5)", lambda: (lambda x: (x.add(5), sorted(x, key=repr)))({'a'}))
t("{'a'}.add((1, 2))", lambda: (lambda x: (x.add((1, 2)), sorted(x, key=repr)))({'a'}))
t("{'a'}.add([1])", lambda: (lambda x: (x.add([1]), sorted(x, key=repr)))({'a'}))
