def t(label, f):
    try:
        r = f()
        print(label, "=", repr(r))
    except Exception as e:
        print(label, "->", type(e).__name__, e)
t("'hello'.isdigit()", lambda: 'hello'.isdigit())
t("'  Hello World  '.isdigit()", lambda: '  Hello World  '.isdigit())
t("'a1\\tB2'.isdigit()", lambda: 'a1\tB2'.isdigit())
t("''.isdigit()", lambda: ''.isdigit())
t("'ÄÖü ß'.isdigit()", lambda: 'ÄÖü ß'.isdigit())
t("'x-y_z 42'.isdigit()", lambda: 'x-y_z 42'.isdigit())
