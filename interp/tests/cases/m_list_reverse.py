def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('[3, 1, 2, 1].reverse()', lambda: (lambda l: (l.reverse(), l))([3, 1, 2, 1]))
t('[].reverse()', lambda: (lambda l: (l.reverse(), l))([]))
t("['b', 'a'].reverse()", lambda: (lambda l: (l.reverse(), l))(['b', 'a']))
t("[1, 'x'].reverse()", lambda: (lambda l: (l.reverse(), l))([1, 'x']))
t('[[2], [1]].reverse()', lambda: (lambda l: (l.reverse(), l))([[2], [1]]))
