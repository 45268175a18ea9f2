def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('[3, 1, 2, 1].remove(1)', lambda: (lambda l: (l.remove(1), l))([3, 1, 2, 1]))
t('[3, 1, 2, 1].remove(99)', lambda: (lambda l: (l.remove(99), l))([3, 1, 2, 1]))
t('[].remove(1)', lambda: (lambda l: (l.remove(1), l))([]))
t('[].remove(99)', lambda: (lambda l: (l.remove(99), l))([]))
t("['b', 'a'].remove(1)", lambda: (lambda l: (l.remove(1), l))(['b', 'a']))
t("['b', 'a'].remove(99)", lambda: (lambda l: (l.remove(99), l))(['b', 'a']))
t("[1, 'x'].remove(1)", lambda: (lambda l: (l.remove(1), l))([1, 'x']))
t("[1, 'x'].remove(99)", lambda: (lambda l: (l.remove(99), l))([1, 'x']))
t('[[2], [1]].remove(1)', lambda: (lambda l: (l.remove(1), l))([[2], [1]]))
t('[[2], [1]].remove(99)', lambda: (lambda l: (l.remove(99), l))([[2], [1]]))
