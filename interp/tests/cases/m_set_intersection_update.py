def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.intersection_update([1, 9])', lambda: (lambda x: (x.intersection_update([1, 9]), sorted(x, key=repr)))({1, 2, 3}))
t('set().intersection_update([1, 9])', lambda: (lambda x: (x.intersection_update([1, 9]), sorted(x, key=repr)))(set()))
t("{'a'}.intersection_update([1, 9])", lambda: (lambda x: (x.intersection_update([1, 9]), sorted(x, key=repr)))({'a'}))
