def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.rindex('l')", lambda: 'hello'.rindex('l'))
t("'hello'.rindex('zz')", lambda: 'hello'.rindex('zz'))
t("'  Hello World  '.rindex('l')", lambda: '  Hello World  '.rindex('l'))
t("'  Hello World  '.rindex('zz')", lambda: '  Hello World  '.rindex('zz'))
t("'a1\\tB2'.rindex('l')", lambda: 'a1\tB2'.rindex('l'))
t("'a1\\tB2'.rindex('zz')", lambda: 'a1\tB2'.rindex('zz'))
t("''.rindex('l')", lambda: ''.rindex('l'))
t("''.rindex('zz')", lambda: ''.rindex('zz'))
t("'ÄÖü ß'.rindex('l')", lambda: 'ÄÖü ß'.rindex('l'))
t("'ÄÖü ß'.rindex('zz')", lambda: 'ÄÖü ß'.rindex('zz'))
t("'x-y_z 42'.rindex('l')", lambda: 'x-y_z 42'.rindex('l'))
t("'x-y_z 42'.rindex('zz')", lambda: 'x-y_z 42'.rindex('zz'))
