def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('[3, 1, 2, 1].copy()', lambda: (lambda l: (l.copy(), l))([3, 1, 2, 1]))
t('[].copy()', lambda: (lambda l: (l.copy(), l))([]))
t("['b', 'a'].copy()", lambda: (lambda l: (l.copy(), l))(['b', 'a']))
t("[1, 'x'].copy()", lambda: (lambda l: (l.copy(), l))([1, 'x']))
t('[[2], [1]].copy()', lambda: (lambda l: (l.copy(), l))([[2], [1]]))
