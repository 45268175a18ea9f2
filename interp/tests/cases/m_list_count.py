def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('[3, 1, 2, 1].count(1)', lambda: (lambda l: (l.count(1), l))([3, 1, 2, 1]))
t("[3, 1, 2, 1].count('x')", lambda: (lambda l: (l.count('x'), l))([3, 1, 2, 1]))
t('[].count(1)', lambda: (lambda l: (l.count(1), l))([]))
t("[].count('x')", lambda: (lambda l: (l.count('x'), l))([]))
t("['b', 'a'].count(1)", lambda: (lambda l: (l.count(1), l))(['b', 'a']))
t("['b', 'a'].count('x')", lambda: (lambda l: (l.count('x'), l))(['b', 'a']))
t("[1, 'x'].count(1)", lambda: (lambda l: (l.count(1), l))([1, 'x']))
t("[1, 'x'].count('x')", lambda: (lambda l: (l.count('x'), l))([1, 'x']))
t('[[2], [1]].count(1)', lambda: (lambda l: (l.count(1), l))([[2], [1]]))
t("[[2], [1]].count('x')", lambda: (lambda l: (l.count('x'), l))([[2], [1]]))
