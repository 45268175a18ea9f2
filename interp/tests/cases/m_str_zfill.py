def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.zfill(7)", lambda: 'hello'.zfill(7))
t("'hello'.zfill(2)", lambda: 'hello'.zfill(2))
t("'  Hello World  '.zfill(7)", lambda: '  Hello World  '.zfill(7))
t("'  Hello World  '.zfill(2)", lambda: '  Hello World  '.zfill(2))
t("'a1\\tB2'.zfill(7)", lambda: 'a1\tB2'.zfill(7))
t("'a1\\tB2'.zfill(2)", lambda: 'a1\tB2'.zfill(2))
t("''.zfill(7)", lambda: ''.zfill(7))
t("''.zfill(2)", lambda: ''.zfill(2))
t("'ÄÖü ß'.zfill(7)", lambda: 'ÄÖü ß'.zfill(7))
t("'ÄÖü ß'.zfill(2)", lambda: 'ÄÖü ß'.zfill(2))
t("'x-y_z 42'.zfill(7)", lambda: 'x-y_z 42'.zfill(7))
t("'x-y_z 42'.zfill(2)", lambda: 'x-y_z 42'.zfill(2))
