def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.lower()", lambda: 'hello'.lower())
t("'  Hello World  '.lower()", lambda: '  Hello World  '.lower())
t("'a1\\tB2'.lower()", lambda: 'a1\tB2'.lower())
t("''.lower()", lambda: ''.lower())
t("'ÄÖü ß'.lower()", lambda: 'ÄÖü ß'.lower())
t("'x-y_z 42'.lower()", lambda: 'x-y_z 42'.lower())
