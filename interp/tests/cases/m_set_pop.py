def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('{1, 2, 3}.pop()', lambda: (lambda x: (x.pop(), sorted(x, key=repr)))({1, 2, 3}))
t('set().pop()', lambda: (lambda x: (x.pop(), sorted(x, key=repr)))(set()))
t("{'a'}.pop()", lambda: (lambda x: (x.pop(), sorted(x, key=repr)))({'a'}))
