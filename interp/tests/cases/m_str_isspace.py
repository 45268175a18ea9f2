def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.isspace()", lambda: 'hello'.isspace())
t("'  Hello World  '.isspace()", lambda: '  Hello World  '.isspace())
t("'a1\\tB2'.isspace()", lambda: 'a1\tB2'.isspace())
t("''.isspace()", lambda: ''.isspace())
t("'ÄÖü ß'.isspace()", lambda: 'ÄÖü ß'.isspace())
t("'x-y_z 42'.isspace()", lambda: 'x-y_z 42'.isspace())
