def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.clear()', lambda: (lambda x: (x.clear(), sorted(x, key=repr)))({1, 2, 3}))
t('set().clear()', lambda: (lambda x: (x.clear(), sorted(x, key=repr)))(set()))
t("{'a'}.clear()", lambda: (lambda x: (x.clear(), sorted(x, key=repr)))({'a'}))
