def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('[3, 1, 2, 1].clear()', lambda: (lambda l: (l.clear(), l))([3, 1, 2, 1]))
t('[].clear()', lambda: (lambda l: (l.clear(), l))([]))
t("['b', 'a'].clear()", lambda: (lambda l: (l.clear(), l))(['b', 'a']))
t("[1, 'x'].clear()", lambda: (lambda l: (l.clear(), l))([1, 'x']))
t('[[2], [1]].clear()', lambda: (lambda l: (l.clear(), l))([[2], [1]]))
