def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.update({7}, [8])', lambda: (lambda x: (x.update({7}, [8]), sorted(x, key=repr)))({1, 2, 3}))
t('set().update({7}, [8])', lambda: (lambda x: (x.update({7}, [8]), sorted(x, key=repr)))(set()))
t("{'a'}.update({7}, [8])", lambda: (lambda x: (x.update({7}, [8]), sorted(x, key=repr)))({'a'}))
