def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.splitlines()", lambda: 'hello'.splitlines())
t("'hello'.splitlines(True)", lambda: 'hello'.splitlines(True))
t("'  Hello World  '.splitlines()", lambda: '  Hello World  '.splitlines())
t("'  Hello World  '.splitlines(True)", lambda: '  Hello World  '.splitlines(True))
t("'a1\\tB2'.splitlines()", lambda: 'a1\tB2'.splitlines())
t("'a1\\tB2'.splitlines(True)", lambda: 'a1\tB2'.splitlines(True))
t("''.splitlines()", lambda: ''.splitlines())
t("''.splitlines(True)", lambda: ''.splitlines(True))
t("'ÄÖü ß'.splitlines()", lambda: 'ÄÖü ß'.splitlines())
t("'ÄÖü ß'.splitlines(True)", lambda: 'ÄÖü ß'.splitlines(True))
t("'x-y_z 42'.splitlines()", lambda: 'x-y_z 42'.splitlines())
t("'x-y_z 42'.splitlines(True)", lambda: 'x-y_z 42'.splitlines(True))
