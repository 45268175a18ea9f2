def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.format()", lambda: 'hello'.format())
t("'hello'.format(1)", lambda: 'hello'.format(1))
t("'  Hello World  '.format()", lambda: '  Hello World  '.format())
t("'  Hello World  '.format(1)", lambda: '  Hello World  '.format(1))
t("'a1\\tB2'.format()", lambda: 'a1\tB2'.format())
t("'a1\\tB2'.format(1)", lambda: 'a1\tB2'.format(1))
t("''.format()", lambda: ''.format())
t("''.format(1)", lambda: ''.format(1))
t("'ÄÖü ß'.format()", lambda: 'ÄÖü ß'.format())
t("'ÄÖü ß'.format(1)", lambda: 'ÄÖü ß'.format(1))
t("'x-y_z 42'.format()", lambda: 'x-y_z 42'.format())
t("'x-y_z 42'.format(1)", lambda: 'x-y_z 42'.format(1))
