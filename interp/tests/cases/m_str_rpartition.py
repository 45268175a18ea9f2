def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.rpartition('l')", lambda: 'hello'.rpartition('l'))
t("'hello'.rpartition('zz')", lambda: 'hello'.rpartition('zz'))
t("'  Hello World  '.rpartition('l')", lambda: '  Hello World  '.rpartition('l'))
t("'  Hello World  '.rpartition('zz')", lambda: '  Hello World  '.rpartition('zz'))
t("'a1\\tB2'.rpartition('l')", lambda: 'a1\tB2'.rpartition('l'))
t("'a1\\tB2'.rpartition('zz')", lambda: 'a1\tB2'.rpartition('zz'))
t("''.rpartition('l')", lambda: ''.rpartition('l'))
t("''.rpartition('zz')", lambda: ''.rpartition('zz'))
t("'ÄÖü ß'.rpartition('l')", lambda: 'ÄÖü ß'.rpartition('l'))
t("'ÄÖü ß'.rpartition('zz')", lambda: 'ÄÖü ß'.rpartition('zz'))
t("'x-y_z 42'.rpartition('l')", lambda: 'x-y_z 42'.rpartition('l'))
t("'x-y_z 42'.rpartition('zz')", lambda: 'x-y_z 42'.rpartition('zz'))
