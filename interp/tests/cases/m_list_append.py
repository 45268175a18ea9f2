def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t('[3, 1, 2, 1].append(4)', lambda: (lambda l: (l.append(4), l))([3, 1, 2, 1]))
t('[3, 1, 2, 1].append([5])', lambda: (lambda l: (l.append([5]), l))([3, 1, 2, 1]))
t('[].append(4)', lambda: (lambda l: (l.append(4), l))([]))
t('[].append([5])', lambda: (lambda l: (l.append([5]), l))([]))
t("['b', 'a'].append(4)", lambda: (lambda l: (l.append(4), l))(['b', 'a']))
t("['b', 'a'].append([5])", lambda: (lambda l: (l.append([5]), l))(['b', 'a']))
t("[1, 'x'].append(4)", lambda: (lambda l: (l.append(4), l))([1, 'x']))
t("[1, 'x'].append([5])", lambda: (lambda l: (l.append([5]), l))([1, 'x']))
t('[[2], [1]].append(4)', lambda: (lambda l: (l.append(4), l))([[2], [1]]))
t('[[2], [1]].append([5])', lambda: (lambda l: (l.append([5]), l))([[2], [1]]))
