def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.upper()", lambda: 'hello'.upper())
t("'  Hello World  '.upper()", lambda: '  Hello World  '.upper())
t("'a1\\tB2'.upper()", lambda: 'a1\tB2'.upper())
t("''.upper()", lambda: ''.upper())
t("'ÄÖü ß'.upper()", lambda: 'ÄÖü ß'.upper())
t("'x-y_z 42'.upper()", lambda: 'x-y_z 42'.upper())
