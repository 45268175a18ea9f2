def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.index('l')", lambda: 'hello'.index('l'))
t("'hello'.index('zz')", lambda: 'hello'.index('zz'))
t("'  Hello World  '.index('l')", lambda: '  Hello World  '.index('l'))
t("'  Hello World  '.index('zz')", lambda: '  Hello World  '.index('zz'))
t("'a1\\tB2'.index('l')", lambda: 'a1\tB2'.index('l'))
t("'a1\\tB2'.index('zz')", lambda: 'a1\tB2'.index('zz'))
t("''.index('l')", lambda: ''.index('l'))
t("''.index('zz')", lambda: ''.index('zz'))
t("'ÄÖü ß'.index('l')", lambda: 'ÄÖü ß'.index('l'))
t("'ÄÖü ß'.index('zz')", lambda: 'ÄÖü ß'.index('zz'))
t("'x-y_z 42'.index('l')", lambda: 'x-y_z 42'.index('l'))
t("'x-y_z 42'.index('zz')", lambda: 'x-y_z 42'.index('zz'))
